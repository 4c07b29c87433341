"""Pasted text: lost line breaks, plan boundaries, page chrome, the wrapper, dates, nothing lost silently."""

from __future__ import annotations

from typing import Any

import pytest

from plangen.importer import Converted, Options, convert
from plangen.importer.cleaning import Line
from plangen.importer.fidelity import UNPLACED, keep_unplaced, lost
from plangen.importer.splitting import compile_split
from plangen.importer.unflatten import split_line


def run(text: str) -> Converted:
    return convert(text, "a.txt", Options(compile_split(None)))


def plans(text: str) -> list[dict[str, Any]]:
    return [d for d, _ in run(text).plans]


def one_plan(text: str) -> tuple[dict[str, Any], Converted]:
    """The one plan the text gives, and the whole result (its report, its lost sentences)."""
    result = run(text)
    [(plan, _)] = result.plans
    return plan, result


PLAN = ("{title}\n为做好帮扶工作，制定本方案。\n一、指导思想\n坚持精准帮扶。\n二、领导小组\n组长：王立新（县教育局局长）\n"
        "三、实施步骤\n（一）动员（2024年3月1日至3月15日）：召开会议。\n四、工作要求\n要落实责任。\n")
GROUP_LINE = "组长：王立新（县教育局局长）\n"
STEP_LINE = "（一）动员（2024年3月1日至3月15日）：召开会议。\n"
STEPS_PART = "三、实施步骤\n" + STEP_LINE


def _dated(plan: dict[str, Any]) -> list[tuple[str, str | None, str | None]]:
    """The plan's steps as (title, start, end)."""
    return [(s["title"], s.get("start"), s.get("end")) for s in plan["steps"]]


def _group_written(title: str, lines: str) -> tuple[dict[str, Any], list[Any]]:
    """The group PLAN gives under `title` with `lines` for its group's line, and the sentences the import lost."""
    plan, result = one_plan(PLAN.format(title=title).replace(GROUP_LINE, lines))
    return plan["leadership"], result.lost


def test_a_one_line_paste_gets_its_headings_roles_and_signature_back() -> None:
    text = ("某县帮扶方案 为做好帮扶工作，制定本方案。一、指导思想 坚持精准帮扶，注重实效，确保帮扶工作取得成效。二、领导小组 "
            "组长：王立新（县教育局局长） 副组长：陈红（县教育局副局长） 三、实施步骤 （一）动员（2024年3月1日至3月15日）：召开会议。"
            "（二）实施（2024年3月16日至6月30日）：开展帮扶。四、工作要求 要落实责任。 某县教育局 2024年2月20日")
    [plan] = plans(text)
    assert (plan["title"], plan["issuer"], plan["date"]) == ("某县帮扶方案", "某县教育局", "2024-02-20")
    assert plan["guiding_thought"].startswith("坚持精准帮扶") and plan["requirements"] == "要落实责任。"
    assert [p["name"] for p in plan["leadership"]["leaders"] + plan["leadership"]["deputies"]] == ["王立新", "陈红"]
    assert [(s["title"], s["start"], s["end"]) for s in plan["steps"]] == [
        ("动员", "2024-03-01", "2024-03-15"), ("实施", "2024-03-16", "2024-06-30")]


def test_a_recognised_heading_in_mid_line_starts_a_line_and_no_character_is_dropped() -> None:
    line = "为做好工作，制定本方案。一、指导思想 坚持精准帮扶。"
    assert split_line(line) == ["为做好工作，制定本方案。", "一、指导思想", "坚持精准帮扶。"]
    assert split_line("我们要统一思想、提高认识。") == ["我们要统一思想、提高认识。"]
    assert split_line("兼任办公室主任。四、实施步骤（一）摸底阶段（4月）。开展排查。")[:2] == ["兼任办公室主任。", "四、实施步骤"]


def test_every_kind_of_plan_boundary_splits() -> None:
    first, second = PLAN.format(title="甲村帮扶方案"), PLAN.format(title="乙村帮扶方案")
    for joined in (first + "------------\n" + second, first + "某县教育局\n2024年2月1日\n" + second,
                   "【甲村帮扶方案】\n" + first.split("\n", 1)[1] + "【乙村帮扶方案】\n" + second.split("\n", 1)[1],
                   PLAN.format(title="某村帮扶方案（一）") + PLAN.format(title="某村帮扶方案（二）")):
        assert len(plans(joined)) == 2, joined
    # a title line right after the text of a plan, without any sign (no break, signature, number, nor the outline
    # starting again at 一、 under it): one plan
    assert len(plans(first + "乙村帮扶方案\n各村要落实责任。\n")) == 1


def test_page_chrome_is_removed_and_each_line_listed_and_the_title_found_in_the_text() -> None:
    text = "某县人民政府门户网站\n发布时间：2024-04-08 09:32:15  来源：县教育局\n" + PLAN.format(title="某县帮扶方案") + "【打印本页】【关闭窗口】\n"
    plan, result = one_plan(text)
    assert plan["title"] == "某县帮扶方案" and plan["preamble"] == "为做好帮扶工作，制定本方案。"
    assert set(result.dropped_text()) == {"某县人民政府门户网站", "发布时间：2024-04-08 09:32:15  来源：县教育局", "【打印本页】【关闭窗口】"}
    assert result.lost == []


def test_the_notice_is_left_out_and_listed_its_number_kept() -> None:
    text = ("某县教育局文件\n某教发〔2024〕5号\n关于印发《某县帮扶方案》的通知\n各学校：\n现将《某县帮扶方案》印发给你们。\n某县教育局\n"
            "2024年3月1日\n" + PLAN.format(title="某县帮扶方案"))
    [(plan, report)] = run(text).plans
    assert (plan["title"], plan["number"], plan["issuer"], plan["date"]) == ("某县帮扶方案", "某教发〔2024〕5号", "某县教育局",
                                                                               "2024-03-01")
    assert [why.message for _, _, why in report.dropped].count("the issuing notice") == 5


def test_month_ranges_and_a_time_limit_sentence_date_the_plan_and_its_steps() -> None:
    text = PLAN.format(title="某县帮扶方案").replace("三、实施步骤\n（一）动员（2024年3月1日至3月15日）：召开会议。",
                                                   "三、实施时间\n本方案从2024年3月开始，至2024年12月止。\n四、实施步骤\n"
                                                   "（一）准备阶段：2024年3月—2024年4月，组建团队。\n（二）实施阶段：2024年5月—12月，开展帮扶。")
    [plan] = plans(text)
    assert plan["period"] == {"start": "2024-03", "end": "2024-12"}
    assert [(s["title"], s["start"], s["end"]) for s in plan["steps"]] == [
        ("准备阶段", "2024-03", "2024-04"), ("实施阶段", "2024-05", "2024-12")]


def test_no_year_is_invented() -> None:
    [plan] = plans(PLAN.format(title="某县帮扶方案").replace("2024年3月1日至3月15日", "3月1日至3月15日"))
    assert "start" not in plan["steps"][0] and "3月1日至3月15日" in plan["steps"][0]["title"]


def test_a_sentence_in_no_field_is_reported() -> None:
    lines = [Line(1, "坚持精准帮扶。这一句不在任何地方。")]
    assert lost(lines, [{"guiding_thought": "坚持精准帮扶。"}], []) == [(1, "这一句不在任何地方")]
    assert lost(lines, [{"guiding_thought": "坚持精准帮扶。"}], ["这一句不在任何地方。"]) == []
    across = [Line(2, "（三）常态监测（11月—次年1月）：每月核查一次。")]  # the dates are the step's start and end
    assert lost(across, [{"steps": [{"title": "常态监测", "start": "2024-11", "end": "2025-01", "body": "每月核查一次。"}]}], []) == []
    glued = [Line(3, "来源：某镇人民政府 字号：大 中 小为加快推进确权登记颁证工作，制定本方案。")]  # a paste's font switch
    assert lost(glued, [{"preamble": "为加快推进确权登记颁证工作，制定本方案。"}], ["来源：某镇人民政府", "字号：大 中 小"]) == []
    opened = [Line(4, "第三阶段：常态管理（6月1日以后）。")]  # a step open at its end
    assert lost(opened, [{"steps": [{"title": "第三阶段：常态管理", "start": "2024-06-01"}]}], []) == []


def test_ten_day_periods_and_month_ends_date_a_step_to_the_month_and_keep_their_words() -> None:
    [plan] = plans(PLAN.format(title="某县帮扶方案").replace("（一）动员（2024年3月1日至3月15日）", "（一）动员（2024年3月上旬—6月底）"))
    step = plan["steps"][0]
    assert (step["title"], step["start"], step["end"]) == ("动员", "2024-03", "2024-06")
    assert "2024年3月上旬—6月底" in step["body"]


def test_more_plan_boundaries_a_fanwen_page_and_a_signature_in_chinese_numerals() -> None:
    first, second = PLAN.format(title="甲村帮扶方案"), PLAN.format(title="乙村帮扶方案")
    page = "帮扶方案范文（精选2篇）\n【篇一】\n" + first + "【篇二】\n" + second
    result = run(page)
    assert [p["title"] for p, _ in result.plans] == ["甲村帮扶方案", "乙村帮扶方案"]
    assert result.lost == []
    signed = first + "某县教育局\n二〇二四年二月二十六日\n" + second
    assert [p.get("date") for p in plans(signed)] == ["2024-02-26", None]


def test_a_byline_under_the_title_gives_issuer_and_date_and_is_listed() -> None:
    text = PLAN.format(title="# 某村帮扶方案\n\n> 某村驻村工作队 2024年1月20日\n")
    plan, result = one_plan(text)
    assert (plan["issuer"], plan["date"]) == ("某村驻村工作队", "2024-01-20")
    assert plan["preamble"] == "为做好帮扶工作，制定本方案。"
    assert "> 某村驻村工作队 2024年1月20日" in result.dropped_text()


def test_a_table_pasted_with_tabs_is_read_as_a_table() -> None:
    text = PLAN.format(title="某县帮扶方案").replace(
        "组长：王立新（县教育局局长）\n", "职务\t姓名\t工作单位及职务\n组长\t诸葛明\t县人民医院院长\n成员\t习雯\t县人民医院护理部主任\n")
    plan, result = one_plan(text)
    assert plan["leadership"]["leaders"] == [{"name": "诸葛明", "title": "院长", "org": "县人民医院"}]
    assert plan["leadership"]["members"] == [{"name": "习雯", "title": "护理部主任", "org": "县人民医院"}]
    assert result.lost == []


def test_a_paste_with_phases_items_and_labels_without_colons_in_mid_line() -> None:
    text = ("某乡帮扶方案 为做好帮扶工作，制定本方案。 一、指导思想 坚持精准帮扶，注重实效，确保帮扶工作取得成效。 二、组织领导 "
            "组 长 某乡人民政府乡长 殷实 副组长 某乡人民政府副乡长 时雨 成 员 乡农业服务中心主任 阎峰 三、实施步骤 "
            "第一阶段：宣传发动（3月上旬） 召开动员会议。第二阶段：集中推进（3月中旬至11月） 开展展销活动。 四、工作要求 "
            "要落实责任。1、按月报送进度。 2、严禁弄虚作假。某乡人民政府 2024年2月18日")
    [plan] = plans(text)
    group = plan["leadership"]
    assert [(p["name"], p["title"], p["org"]) for p in group["leaders"] + group["deputies"] + group["members"]] == [
        ("殷实", "乡长", "某乡人民政府"), ("时雨", "副乡长", "某乡人民政府"), ("阎峰", "主任", "乡农业服务中心")]
    assert _dated(plan) == [
        ("第一阶段：宣传发动", "2024-03", None), ("第二阶段：集中推进", "2024-03", "2024-11")]
    assert plan["steps"][0]["body"].endswith("召开动员会议。")
    assert (plan["issuer"], plan["date"]) == ("某乡人民政府", "2024-02-18")


def test_time_lines_under_steps_and_a_period_from_today() -> None:
    text = ("某县关爱行动方案\n为做好关爱工作，制定本方案。\n一、行动时间\n即日起至2024年12月底。\n二、指导思想\n坚持精准帮扶。\n"
            "三、领导小组\n组长：王立新（县民政局局长）\n四、工作安排\n（一）摸底建档\n时间：2024年4月至6月\n内容：建立一人一档。\n"
            "（二）检查总结\n时间：2024年12月上旬\n五、工作要求\n要落实责任。\n某县民政局\n2024年3月28日\n")
    [plan] = plans(text)
    assert plan["period"] == {"start": "2024-03-28", "end": "2024-12"}
    assert _dated(plan) == [
        ("摸底建档", "2024-04", "2024-06"), ("检查总结", "2024-12", None)]
    assert "时间：2024年12月上旬" in plan["steps"][1]["body"]


def test_the_first_phase_inside_the_introduction_of_the_steps_is_a_step() -> None:
    text = PLAN.format(title="某校结对方案").replace(
        STEP_LINE,
        "活动分两个阶段进行。第一阶段为启动阶段，时间为2024年9月2日至9月13日，主要任务是确定名单。\n"
        "第二阶段为学习阶段，时间为2024年9月16日至2025年1月10日，徒弟每周听课两节。\n")
    [plan] = plans(text)
    assert [(s["start"], s["end"]) for s in plan["steps"]] == [("2024-09-02", "2024-09-13"), ("2024-09-16", "2025-01-10")]
    assert "2024年9月16日" in plan["steps"][1]["body"]


def test_role_lines_under_a_safeguards_heading_are_the_group_when_no_other_part_is() -> None:
    text = PLAN.format(title="某县帮扶方案").replace("二、领导小组\n", "二、组织保障\n县民政局牵头成立领导小组：\n").replace(
        "组长：王立新（县教育局局长）\n", "组长：县民政局局长  戴维新\n副组长：县民政局副局长  房晓燕\n        县妇联副主席  屠静\n")
    [plan] = plans(text)
    group = plan["leadership"]
    assert [(p["name"], p["org"]) for p in group["leaders"] + group["deputies"]] == [
        ("戴维新", "县民政局"), ("房晓燕", "县民政局"), ("屠静", "县妇联")]
    assert "safeguards" not in plan


def test_a_plan_after_the_attachment_line_of_the_plan_before_it_is_another_plan() -> None:
    first, second = PLAN.format(title="甲村帮扶方案"), PLAN.format(title="乙村帮扶方案")
    found = plans(first + "附件：甲村帮扶对象名单\n" + second)
    assert [p["title"] for p in found] == ["甲村帮扶方案", "乙村帮扶方案"]
    assert found[0]["attachments"] == [{"title": "甲村帮扶对象名单"}]


def test_triangle_bullets_deadlines_in_a_steps_text_and_a_post_is_no_name() -> None:
    text = PLAN.format(title="某社区2024年助老方案").replace(
        STEP_LINE,
        "▲4月1日—4月10日：志愿者与老人结对。\n▲12月下旬：评选优秀志愿者。\n").replace(
        "组长：王立新（县教育局局长）\n", "组长：王海燕同志（某社区党委书记）\n成员：两校教导主任、教研组长\n")
    [plan] = plans(text)
    assert _dated(plan) == [
        ("志愿者与老人结对", "2024-04-01", "2024-04-10"), ("评选优秀志愿者", "2024-12", None)]
    assert plan["leadership"]["leaders"] == [{"name": "王海燕", "title": "书记", "org": "某社区党委"}]
    assert all("name" not in p for p in plan["leadership"]["members"])
    deadline = PLAN.format(title="某乡方案").replace(
        STEP_LINE, "1.入户核查。各村于2024年5月31日前完成入户核查。\n2.公示。2024年6月1日至6月20日公示。\n")
    assert [(s.get("start"), s.get("end")) for s in plans(deadline)[0]["steps"]] == [
        (None, "2024-05-31"), ("2024-06-01", "2024-06-20")]


def test_a_markdown_plan_takes_the_year_of_its_front_matter_for_dates_without_one() -> None:
    text = ("---\ntitle: 某街道2024年就业帮扶方案\ndate: 2024-03-05\n---\n\n为帮助困难群众就业，制定本方案。\n\n## 指导思想\n\n坚持就业优先。\n\n"
            "## 领导小组\n\n- 组长：钟国栋（某街道党工委书记）\n\n## 时间安排\n\n- 3月11日—3月29日：摸清就业意愿。\n- 11月：回访。\n\n"
            "## 工作要求\n\n要建立台账。\n")
    [plan] = [d for d, _ in convert(text, "a.md", Options(compile_split(None))).plans]
    assert [(s.get("start"), s.get("end")) for s in plan["steps"]] == [("2024-03-11", "2024-03-29"), ("2024-11", None)]


def test_role_labels_on_lines_of_their_own_decimal_outlines_quarters_and_a_date_under_the_title() -> None:
    text = ("某县2024年帮扶方案\n（2024年3月8日）\n为做好帮扶工作，制定本方案。\n1 指导思想\n坚持精准帮扶。\n2 领导小组\n组长\n"
            "　　蒲建国　县教育局局长\n副组长\n　　汪晓红　县教育局副局长\n成员\n　　各中小学校长\n3 实施步骤\n"
            "3.1 需求调查（2024年3月1日—3月15日）\n摸清需求。\n3.2 整改（2024年下半年）\n完成整改。\n4 工作要求\n要落实责任。\n")
    [plan] = plans(text)
    assert plan["date"] == "2024-03-08" and plan["preamble"] == "为做好帮扶工作，制定本方案。"
    group = plan["leadership"]
    assert [p["name"] for p in group["leaders"] + group["deputies"]] == ["蒲建国", "汪晓红"]
    assert group["members"] == [{"description": "各中小学校长"}]
    assert [(s["title"], s["start"], s["end"]) for s in plan["steps"]] == [
        ("需求调查", "2024-03-01", "2024-03-15"), ("整改", "2024-07", "2024-12")]
    assert "时间：2024年下半年" in plan["steps"][1]["body"]


def test_the_group_listed_in_an_annex_after_the_signature() -> None:
    text = PLAN.format(title="某县帮扶方案").replace("组长：王立新（县教育局局长）\n", "成立领导小组（成员名单见附件）。\n") + (
        "某县教育局\n2024年2月26日\n附件\n某县帮扶工作领导小组成员名单\n组　长：项天明　县政府副县长\n副组长：卜凡　　县教育局局长\n"
        "　　　　褚红　　县财政局副局长\n")
    plan, result = one_plan(text)
    group = plan["leadership"]
    assert [(p["name"], p["org"]) for p in group["leaders"] + group["deputies"]] == [
        ("项天明", "县政府"), ("卜凡", "县教育局"), ("褚红", "县财政局")]
    assert plan["attachments"] == [{"title": "某县帮扶工作领导小组成员名单"}]
    assert (plan["issuer"], plan["date"]) == ("某县教育局", "2024-02-26") and result.lost == []


def test_lines_wrapped_at_a_fixed_width_are_joined_back() -> None:
    text = ("白河县2024年农村妇女技能培训帮扶\n实施方案\n为提升农村妇女就业创业能力，促进农村妇女\n增收致富，结合我县实际，制定本方案。\n"
            "一、指导思想\n坚持需求导向、因人施训，帮助农村妇女掌握\n一技之长，实现家门口就业。\n二、领导小组\n"
            "副组长：姜红（县妇联副主席）、韩冬（县人\n社局副局长）\n三、实施步骤\n（一）调查摸底（2024年3月1日至3月31日）：\n摸清需求。\n"
            "四、工作要求\n要落实责任。\n")
    plan, result = one_plan(text)
    assert plan["title"] == "白河县2024年农村妇女技能培训帮扶实施方案"
    assert plan["preamble"] == "为提升农村妇女就业创业能力，促进农村妇女增收致富，结合我县实际，制定本方案。"
    assert plan["guiding_thought"] == "坚持需求导向、因人施训，帮助农村妇女掌握一技之长，实现家门口就业。"
    assert plan["leadership"]["deputies"][1] == {"name": "韩冬", "title": "副局长", "org": "县人社局"}
    assert result.lost == []


def test_a_post_whose_body_is_implied_before_its_holders_name_is_no_lost_sentence() -> None:
    text = PLAN.format(title="某公司帮扶方案").replace("组长：王立新（县教育局局长）\n", "组长：王立新（县教育局局长）\n成员：公司党群工作部部长刘芳\n")
    plan, result = one_plan(text)
    assert plan["leadership"]["members"] == [{"name": "刘芳", "title": "党群工作部部长"}]
    assert result.lost == []


def test_a_chat_message_with_a_tag_and_keycap_numbers() -> None:
    text = PLAN.format(title="【通知】某村2024年微心愿方案").replace(
        STEP_LINE, "1️⃣ 3月1日-3月15日：收集微心愿。\n2️⃣ 5月：集中兑现。\n")
    plan, result = one_plan(text)
    assert plan["title"] == "某村2024年微心愿方案"
    assert _dated(plan) == [
        ("收集微心愿", "2024-03-01", "2024-03-15"), ("集中兑现", "2024-05", None)]
    assert "【通知】" in result.dropped_text() and result.lost == []


def test_a_paste_of_two_bracketed_plans_on_one_line_and_dotted_months() -> None:
    one = PLAN.format(title="【甲村帮扶方案】").replace("\n", " ").replace(
        "（一）动员（2024年3月1日至3月15日）", "（一）动员（2024.03—2024.05）") + "甲村村民委员会 2024年2月20日 "
    two = PLAN.format(title="【乙村帮扶方案】").replace("\n", " ") + "乙村村民委员会 2024年8月25日"
    found = plans(one + two)
    assert [(p["title"], p.get("date")) for p in found] == [("甲村帮扶方案", "2024-02-20"), ("乙村帮扶方案", "2024-08-25")]
    assert (found[0]["steps"][0]["start"], found[0]["steps"][0]["end"]) == ("2024-03", "2024-05")


def test_bold_labels_bracketed_deadlines_month_words_and_numbered_schools() -> None:
    text = ("# 某社区课后帮扶方案\n\n为做好课后服务，制定本方案。\n\n## 指导思想\n\n坚持公益普惠。\n\n## 组织领导\n\n"
            "**组长**：花荣（某社区党委书记）\n\n**副组长**：县一中校长 燕青\n\n## 实施步骤\n\n"
            "（一）召开动员会，摸清需求。（3月15日前）\n\n（二）开班运行。（3月16日至7月5日）\n\n## 工作要求\n\n要确保安全。\n\n"
            "某社区居民委员会\n\n2024年2月20日\n")
    [plan] = [d for d, _ in convert(text, "a.md", Options(compile_split(None))).plans]
    group = plan["leadership"]
    assert group["leaders"] == [{"name": "花荣", "title": "书记", "org": "某社区党委"}]
    assert group["deputies"] == [{"name": "燕青", "title": "校长", "org": "县一中"}]
    assert [(s.get("start"), s.get("end")) for s in plan["steps"]] == [(None, "2024-03-15"), ("2024-03-16", "2024-07-05")]
    months = PLAN.format(title="某县2024年就业方案").replace(
        STEP_LINE, "3月份：开展摸排。\n第三季度：开展培训。\n")
    assert [(s.get("start"), s.get("end")) for s in plans(months)[0]["steps"]] == [("2024-03", None), ("2024-07", "2024-09")]


def test_time_limit_sentences_in_steps_a_dash_before_the_title_and_attachments_on_one_line() -> None:
    text = PLAN.format(title="某镇2024年整治方案").replace(
        STEP_LINE,
        "（一）隐患排查。自2024年4月起至2024年5月止，开展排查。\n（二）集中整治。2024年6月1日开始，至2024年9月30日结束，集中整治。\n"
        "（三）总结验收。2024年11月20日以前，完成验收。\n").replace(
        "组长：王立新（县教育局局长）\n", "组长：王立新（县教育局局长）\n副组长：马云禄——某镇人民政府副镇长\n") + "附件：1．认定标准；2．措施清单\n"
    plan, result = one_plan(text)
    assert [(s.get("start"), s.get("end")) for s in plan["steps"]] == [
        ("2024-04", "2024-05"), ("2024-06-01", "2024-09-30"), (None, "2024-11-20")]
    assert plan["leadership"]["deputies"] == [{"name": "马云禄", "title": "副镇长", "org": "某镇人民政府"}]
    assert plan["attachments"] == [{"title": "认定标准"}, {"title": "措施清单"}]
    assert result.lost == []


def test_padded_names_a_dotted_name_month_day_dates_and_an_inline_numbered_list() -> None:
    text = PLAN.format(title="某县2024年结对方案").replace(
        "组长：王立新（县教育局局长）\n", "组　长：王　芳（县教育局局长）\n副组长：阿不都·热合曼（县教育局副局长）\n　　　　李　强（县教研室主任）\n"
    ).replace(STEP_LINE,
              "（一）启动（3.1—3.15）：签订协议。\n（二）总结（12.1—12.31）：开展评估。\n")
    plan, result = one_plan(text)
    group = plan["leadership"]
    assert [p["name"] for p in group["leaders"] + group["deputies"]] == ["王芳", "阿不都·热合曼", "李强"]
    assert [(s["start"], s["end"]) for s in plan["steps"]] == [("2024-03-01", "2024-03-15"), ("2024-12-01", "2024-12-31")]
    assert result.lost == []
    inline = PLAN.format(title="某市2024年帮扶方案").replace(
        STEP_LINE, "1．3月10日前，完成签约；2．4月至11月，开展活动；3．12月底前，完成总结。\n")
    assert [(s.get("start"), s.get("end")) for s in plans(inline)[0]["steps"]] == [
        (None, "2024-03-10"), ("2024-04", "2024-11"), (None, "2024-12")]


def test_a_notice_title_without_brackets_numbered_members_and_roles_written_last() -> None:
    text = ("某县人民政府办公室关于印发某县2024年就业帮扶方案的通知\n某政办〔2024〕9号\n各乡镇人民政府：\n现印发给你们，请认真落实。\n"
            "2024年3月4日\n" + PLAN.format(title="某县2024年就业帮扶方案").replace(
                "组长：王立新（县教育局局长）\n", "许褚　某县卫生健康局局长　组长\n成员：\n1．徐晃（某镇农业服务中心主任）\n"))
    [plan] = plans(text)
    assert (plan["title"], plan["number"], plan["date"]) == ("某县2024年就业帮扶方案", "某政办〔2024〕9号", "2024-03-04")
    group = plan["leadership"]
    assert group["leaders"] == [{"name": "许褚", "title": "局长", "org": "某县卫生健康局"}]
    assert group["members"] == [{"name": "徐晃", "title": "主任", "org": "某镇农业服务中心"}]
    assert not any("empty template slot" in w.message for _, r in run(text).plans for w in r.warnings)


def test_a_deadline_written_before_its_date() -> None:
    text = PLAN.format(title="某县2024年关爱方案").replace(
        STEP_LINE, "（一）截至2024年4月底，完成摸底建档。\n（二）2024年5月至11月，开展培训。\n")
    assert [(s["title"], s.get("start"), s.get("end")) for s in plans(text)[0]["steps"]] == [
        ("完成摸底建档", None, "2024-04"), ("开展培训", "2024-05", "2024-11")]


def test_phases_enumerated_with_yi_shi_a_seal_and_a_headerless_table_with_name_and_title_in_one_cell() -> None:
    text = PLAN.format(title="某县2024年客运方案").replace(
        STEP_LINE,
        "实施工作分两个阶段推进：一是摸底阶段（2024年3月1日至3月31日），全面排查；二是整改阶段（2024年4月1日至8月31日），逐条恢复。\n"
    ) + "某镇人民政府（盖章）\n2024年2月26日印发\n"
    plan, result = one_plan(text)
    assert [(s["title"], s["start"], s["end"]) for s in plan["steps"]] == [
        ("摸底阶段", "2024-03-01", "2024-03-31"), ("整改阶段", "2024-04-01", "2024-08-31")]
    assert (plan["issuer"], plan["date"]) == ("某镇人民政府", "2024-02-26") and result.lost == []
    table = PLAN.format(title="某县帮扶方案").replace(
        "组长：王立新（县教育局局长）\n", "| 组　长 | 扁鹊（县卫生健康局局长） |\n| --- | --- |\n| 成　员 | 淳于意（县人民医院院长） |\n")
    group = plans(table)[0]["leadership"]
    assert group["leaders"] == [{"name": "扁鹊", "title": "局长", "org": "县卫生健康局"}]
    assert group["members"] == [{"name": "淳于意", "title": "院长", "org": "县人民医院"}]


def test_a_table_whose_role_cells_also_give_the_duty() -> None:
    group, lost = _group_written("某镇帮扶方案", "| 姓名 | 职务 | 分工 |\n| --- | --- | --- |\n| 黄盖 | 某镇党委书记 | 组长，全面负责 |\n"
                                 "| 韩当 | 某镇人民政府镇长 | 副组长，具体负责 |\n")
    assert group["leaders"] == [{"name": "黄盖", "title": "书记", "org": "某镇党委"}]
    assert group["deputies"] == [{"name": "韩当", "title": "镇长", "org": "某镇人民政府"}]
    assert "全面负责" in group["body"] and lost == []


def test_numbered_attachment_lines_are_no_plan_titles_and_a_title_loses_its_word_spaces() -> None:
    text = PLAN.format(title="某县 2024 年 营养改善 方案") + "附件：1．某县食品安全管理办法\n2．某县资金管理办法\n"
    plan, result = one_plan(text)
    assert plan["title"] == "某县2024年营养改善方案"
    assert plan["attachments"] == [{"title": "某县食品安全管理办法"}, {"title": "某县资金管理办法"}]
    assert result.lost == []


def test_a_greeting_above_the_title_is_left_out_and_listed() -> None:
    text = "各位老师好！下面是本学期的结对帮扶方案，请大家认真学习👇\n\n" + PLAN.format(title="向阳小学结对帮扶方案")
    plan, result = one_plan(text)
    assert plan["title"] == "向阳小学结对帮扶方案" and plan["preamble"] == "为做好帮扶工作，制定本方案。"
    assert "各位老师好！下面是本学期的结对帮扶方案，请大家认真学习👇" in result.dropped_text() and result.lost == []


def test_a_one_line_paste_signed_in_chinese_numerals_and_items_numbered_before_a_month() -> None:
    text = ("某县健康帮扶方案 为做好帮扶工作，制定本方案。一、指导思想 坚持精准帮扶，注重实效，确保帮扶工作取得成效。二、领导小组 "
            "组长：王立新（县卫生健康局局长） 三、实施步骤 （一）动员阶段：二〇二四年三月一日至三月十五日。公布巡诊时间。"
            "（二）义诊阶段：二〇二四年三月十六日至十月三十一日。组建医疗队。四、工作要求 要落实责任。某县卫生健康局 二〇二四年二月二十日")
    plan, result = one_plan(text)
    assert (plan["issuer"], plan["date"]) == ("某县卫生健康局", "2024-02-20") and result.lost == []
    assert [(s["title"], s["start"], s["end"]) for s in plan["steps"]] == [
        ("动员阶段", "2024-03-01", "2024-03-15"), ("义诊阶段", "2024-03-16", "2024-10-31")]
    items = PLAN.format(title="某村2024年产业帮扶计划").replace(
        STEP_LINE, "1.3月底前，完成规划。\n2.4月至5月，组织技术培训。\n")
    assert [(s.get("start"), s.get("end")) for s in plans(items)[0]["steps"]] == [(None, "2024-03"), ("2024-04", "2024-05")]


def test_a_page_of_sample_plans_headed_fanwen_n_splits_and_loses_nothing() -> None:
    text = ("村级帮扶计划范文（精选2篇）\n导语：下面是整理的范文，欢迎阅读。\n【范文一】\n" + PLAN.format(title="甲村帮扶计划")
            + "范文二：\n" + PLAN.format(title="乙村帮扶计划"))
    result = run(text)
    assert [p["title"] for p, _ in result.plans] == ["甲村帮扶计划", "乙村帮扶计划"]
    assert "导语：下面是整理的范文，欢迎阅读。" in result.dropped_text() and result.lost == []


def test_a_notice_issuing_two_plans_as_annexes_gives_two_plans() -> None:
    first, second = PLAN.format(title="某县就业帮扶方案"), PLAN.format(title="某县产业帮扶方案")
    text = ("某县人民政府办公室关于印发《某县就业帮扶方案》《某县产业帮扶方案》的通知\n各乡镇人民政府：\n"
            "《某县就业帮扶方案》《某县产业帮扶方案》已经县政府同意，现印发给你们。\n某县人民政府办公室\n2024年3月8日\n"
            "------\n附件1\n" + first + "------\n附件2\n" + second + "某县农业农村局\n2024年3月6日\n")
    result = run(text)
    [(one, _), (two, _)] = result.plans
    assert (one["title"], one["issuer"], one["date"]) == ("某县就业帮扶方案", "某县人民政府办公室", "2024-03-08")
    assert (two["title"], two["issuer"], two["preamble"]) == ("某县产业帮扶方案", "某县农业农村局", "为做好帮扶工作，制定本方案。")
    assert "附件2" in result.dropped_text() and result.lost == []


def test_the_second_plan_under_a_notice_dates_its_steps_in_the_notices_year_when_it_names_none() -> None:
    first = PLAN.format(title="某县宅基地审批服务方案").replace("2024年", "2025年")
    second = PLAN.format(title="某县不动产登记上门服务方案").replace("（2024年3月1日至3月15日）", "（5月底前）")
    text = ("某县自然资源局关于印发《某县宅基地审批服务方案》《某县不动产登记上门服务方案》的通知\n各乡镇人民政府：\n"
            "现将两个方案印发给你们。\n某县自然资源局\n2025年4月15日\n\f\n附件1\n" + first + "\f\n附件2\n" + second)
    [(one, _), (two, _)] = run(text).plans
    assert one["date"] == "2025-04-15" and "date" not in two
    assert [(s["title"], s.get("start"), s.get("end")) for s in two["steps"]] == [("动员", None, "2025-05")]


@pytest.mark.parametrize("notice", ["关于印发家庭医生签约帮扶和对口帮扶服务站两个工作方案的通知",
                                    "某中心关于印发家庭医生签约帮扶和对口帮扶服务站工作方案的通知"])
def test_a_notice_counting_or_joining_the_plans_it_issues_takes_their_titles_from_its_sentence(notice: str) -> None:
    first, second = PLAN.format(title="某中心家庭医生签约帮扶方案"), PLAN.format(title="某中心对口帮扶服务站工作方案")
    text = ("某中心\n某社卫〔2024〕4号\n" + notice + "\n各科室：\n"
            "现将《某中心家庭医生签约帮扶方案》《某中心对口帮扶服务站工作方案》印发给你们，请抓好落实。\n某中心\n2024年3月26日\n"
            "\f\n附件1\n" + first + "\f\n附件2\n" + second)
    result = run(text)
    assert [(p["title"], p.get("number")) for p, _ in result.plans] == [
        ("某中心家庭医生签约帮扶方案", "某社卫〔2024〕4号"), ("某中心对口帮扶服务站工作方案", None)]
    assert result.plans[0][0]["date"] == "2024-03-26" and result.lost == []


def test_the_timetable_inside_a_part_on_the_ways_of_helping_is_the_steps() -> None:
    text = PLAN.format(title="某县幼儿园结对帮扶方案").replace(
        STEPS_PART,
        "三、帮扶方式及安排\n（一）结对帮扶关系\n县第一幼儿园帮扶白沙镇中心幼儿园。\n（二）时间安排\n"
        "1．结对对接。2024年9月20日前，签订结对帮扶协议。\n2．跟岗研修。2024年10月至2025年5月，选派教师跟岗学习。\n")
    plan, result = one_plan(text)
    assert _dated(plan) == [
        ("结对对接", None, "2024-09-20"), ("跟岗研修", "2024-10", "2025-05")]
    assert "白沙镇中心幼儿园" in str(plan["forms"]) and result.lost == []


def test_the_timetable_inside_a_part_no_name_gives_is_the_steps_and_the_part_stays_a_section() -> None:
    text = PLAN.format(title="某小学2024年送教方案").replace(
        STEPS_PART,
        "三、送教安排\n（一）送教团队。体育：龙海波、田野。\n（二）时间安排。\n1．9月9日—9月13日：到各村小走访对接。\n"
        "2．11月中旬：举办趣味运动会。\n")
    plan, result = one_plan(text)
    assert _dated(plan) == [
        ("到各村小走访对接", "2024-09-09", "2024-09-13"), ("举办趣味运动会", "2024-11", None)]
    assert plan["sections"] == [{"title": "送教安排", "heading": "三、送教安排", "body": "（一）送教团队。体育：龙海波、田野。"}]
    assert result.lost == []


def test_an_annex_listed_before_the_signature_and_set_out_after_a_page_break_is_no_second_plan() -> None:
    text = (PLAN.format(title="某县托养中心对口帮扶残疾人之家工作方案") + "附件：某县残疾人之家规范化建设评估细则\n某县残疾人托养中心\n"
            "2025年3月5日\n\f\n附件\n某县残疾人之家规范化建设评估细则\n| 评估项目 | 分值 |\n| --- | --- |\n| 场地设施 | 20 |\n")
    plan, result = one_plan(text)
    assert plan["attachments"] == [{"title": "某县残疾人之家规范化建设评估细则"}] and result.lost == []


def test_a_quarter_in_a_steps_table_dates_the_step_and_keeps_its_words() -> None:
    text = PLAN.format(title="某县2024年技能培训帮扶方案").replace(
        STEP_LINE,
        "| 工作阶段 | 时间安排 | 工作任务 |\n| --- | --- | --- |\n| 技能培训 | 2024年第三季度 | 开展订单式培训 |\n")
    [step] = plans(text)[0]["steps"]
    assert (step["title"], step["start"], step["end"]) == ("技能培训", "2024-07", "2024-09")
    assert "第三季度" in step["body"]


def test_a_tasks_table_under_another_heading_is_the_steps_and_an_annex_after_the_signature_is_kept() -> None:
    text = PLAN.format(title="某县2024年监测帮扶方案").replace(
        STEPS_PART,
        "三、主要任务\n| 主要任务 | 责任单位 | 完成时限 |\n| --- | --- | --- |\n| 开展集中排查 | 各乡镇 | 2024年4月30日前 |\n"
        "| 风险消除评估 | 各乡镇 | 2024年底前 |\n") + "某县乡村振兴局\n2024年3月12日\n附件\n帮扶联络员名单\n各乡镇联络员由分管副乡长担任。\n"
    plan, result = one_plan(text)
    assert [(s["title"], s.get("end")) for s in plan["steps"]] == [("开展集中排查", "2024-04-30"), ("风险消除评估", "2024-12")]
    assert (plan["issuer"], plan["requirements"]) == ("某县乡村振兴局", "要落实责任。")
    assert plan["attachments"] == [{"title": "帮扶联络员名单"}] and result.lost == []
    assert any("联络员由分管副乡长担任" in s.get("body", "") for s in plan["sections"])


def test_steps_enumerated_di_yi_bu_in_one_paragraph_are_steps() -> None:
    text = PLAN.format(title="某县2024年饮水安全帮扶方案").replace(
        STEP_LINE,
        "工作分三步进行：第一步，摸底排查，3月15日前完成；第二步，集中整改，3月16日至5月31日；第三步，验收总结，6月上旬完成。\n")
    result = run(text)
    steps = result.plans[0][0]["steps"]
    assert [(s["title"], s.get("start"), s.get("end")) for s in steps] == [
        ("第一步，摸底排查", None, "2024-03-15"), ("第二步，集中整改", "2024-03-16", "2024-05-31"), ("第三步，验收总结", None, "2024-06")]
    assert result.lost == []


@pytest.mark.parametrize("sentence", [
    "整治工作从2024年3月开始，到2024年6月结束。", "本次行动自2024年3月中旬开始，至2024年6月底结束。",
    "局里决定于2024年3月至6月在全县开展帮扶活动。", "帮扶周期为一学期（2024年3月至2024年6月）。", "本年度帮扶期为2024年3月至6月。",
    "帮扶期限自2024年3月至2024年6月。",
])
def test_a_time_sentence_in_the_opening_paragraph_gives_the_period(sentence: str) -> None:
    text = PLAN.format(title="某县饮水安全帮扶方案").replace("为做好帮扶工作，制定本方案。", "为做好帮扶工作，制定本方案。" + sentence)
    result = run(text)
    [(plan, report)] = result.plans
    assert plan["period"] == {"start": "2024-03", "end": "2024-06"} and sentence in plan["preamble"]
    assert any(part == "period" for part, _, _ in report.inferred) and result.lost == []


def test_a_time_sentence_under_the_targets_gives_the_period() -> None:
    text = PLAN.format(title="某公司茶叶帮扶方案").replace(
        "一、指导思想\n", "一、帮扶对象\n帮扶对象为两个乡镇的茶叶专业村。帮扶期限为2024年3月至12月。\n二、指导思想\n")
    [(plan, _)] = run(text).plans
    assert plan["period"] == {"start": "2024-03", "end": "2024-12"} and "帮扶期限为2024年3月至12月" in plan["targets"]


def test_role_lines_parted_by_tabs_and_the_lines_under_them_are_no_table() -> None:
    group, lost = _group_written("某学院对口帮扶方案", "组　长：邵华明\t党委书记\n副组长：汤立群\t党委副书记、院长\n柳志刚\t副院长\n"
                                 "成　员：彭海燕\t教务处处长\n孙岩\t继续教育与社会服务处处长\n付玉梅\t财务处处长\n")
    assert [(p["name"], p["title"]) for p in group["leaders"] + group["deputies"] + group["members"]] == [
        ("邵华明", "党委书记"), ("汤立群", "党委副书记、院长"), ("柳志刚", "副院长"), ("彭海燕", "教务处处长"),
        ("孙岩", "继续教育与社会服务处处长"), ("付玉梅", "财务处处长")]
    assert lost == []


def test_page_numbers_and_the_print_footer_are_left_out_and_listed() -> None:
    text = (PLAN.format(title="某县帮扶方案").replace("二、领导小组", "— 1 —\n二、领导小组")
            + "某县教育局\n2024年3月4日\n（此件公开发布）\n抄送：县委办公室，县政府办公室。\n某县教育局办公室　　　2024年3月4日印发\n— 2 —\n")
    plan, result = one_plan(text)
    assert (plan["issuer"], plan["date"], plan["requirements"]) == ("某县教育局", "2024-03-04", "要落实责任。")
    assert {"— 1 —", "（此件公开发布）", "抄送：县委办公室，县政府办公室。", "— 2 —"} <= set(result.dropped_text())
    assert "某县教育局办公室　　　2024年3月4日印发" in result.dropped_text() and result.lost == []


def test_a_disclosure_note_after_the_list_of_attachments_is_no_attachment() -> None:
    text = PLAN.format(title="某县帮扶方案") + "附件：1．随访登记表\n　　　2．进度月报表\n（信息公开选项：主动公开）\n"
    plan, result = one_plan(text)
    assert plan["attachments"] == [{"title": "随访登记表"}, {"title": "进度月报表"}]
    assert "（信息公开选项：主动公开）" in result.dropped_text() and result.lost == []


def test_a_companys_printing_line_under_its_signature_is_footer_and_the_issuer_is_the_signatures() -> None:
    text = PLAN.format(title="某供电公司农网改造帮扶方案") + "国网某县供电公司\n2024年3月22日\n国网某县供电公司综合室　　　　2024年3月22日印发\n"
    plan, result = one_plan(text)
    assert (plan["issuer"], plan["date"]) == ("国网某县供电公司", "2024-03-22")
    assert "国网某县供电公司综合室　　　　2024年3月22日印发" in result.dropped_text() and result.lost == []


def test_plans_ended_by_wan_and_plans_under_document_titles_split() -> None:
    first, second = PLAN.format(title="甲村帮扶方案"), PLAN.format(title="乙村帮扶方案")
    assert [p["title"] for p in plans(first + "（完）\n" + second + "（完）\n")] == ["甲村帮扶方案", "乙村帮扶方案"]
    assert [p["title"] for p in plans("# " + first + "# " + second)] == ["甲村帮扶方案", "乙村帮扶方案"]
    steps = plans(PLAN.format(title="某县2024年秋冬种帮扶方案").replace(
        STEP_LINE, "9月：摸清冬闲田面积。\n10—11月：开展播种培训。\n"))[0]["steps"]
    assert [(s.get("start"), s.get("end")) for s in steps] == [("2024-09", None), ("2024-10", "2024-11")]


def test_the_safety_net_keeps_a_sentence_no_field_took_in_a_section_of_its_own() -> None:
    lines = [Line(1, "坚持精准帮扶。这一句不在任何地方。"), Line(2, "第二句也不在。")]
    data: dict[str, Any] = {"guiding_thought": "坚持精准帮扶。", "sections": [{"title": "经费保障", "body": "专款专用。"}]}
    for _, sentence in lost(lines, [data], []):
        keep_unplaced(data, sentence)
    assert data["sections"][1] == {"title": UNPLACED, "body": "这一句不在任何地方\n\n第二句也不在"}
    assert lost(lines, [data], []) == []


def test_a_steps_table_keeps_its_other_columns_and_the_items_after_it() -> None:
    text = PLAN.format(title="某县2024年帮扶方案").replace(
        "三、实施步骤\n", "三、实施步骤\n| 序号 | 阶段 | 时间 | 备注 |\n| --- | --- | --- | --- |\n| 1 | 筹备 | 2024年2月 | 需提前准备场地 |\n")
    result = run(text)
    steps = result.plans[0][0]["steps"]
    assert [(s["title"], s.get("start")) for s in steps] == [("筹备", "2024-02"), ("动员", "2024-03-01")]
    assert steps[0]["body"] == "备注：需提前准备场地" and result.lost == []


def test_a_collection_with_contents_and_dates_on_the_line_above_each_phase() -> None:
    first = PLAN.format(title="甲医院帮扶方案").replace(
        STEP_LINE, "2024年3月1日—3月15日\n调研对接阶段：制定帮扶清单。\n2024年12月\n总结评估阶段：评估成效。\n")
    text = ("帮扶方案汇编\n目录\n1. 甲医院帮扶方案\n2. 乙医院帮扶方案\n" + first + "甲医院\n2024年2月26日\n"
            + PLAN.format(title="乙医院帮扶方案"))
    result = run(text)
    assert [p["title"] for p, _ in result.plans] == ["甲医院帮扶方案", "乙医院帮扶方案"]
    assert [(s["title"], s.get("start"), s.get("end")) for s in result.plans[0][0]["steps"]] == [
        ("调研对接阶段", "2024-03-01", "2024-03-15"), ("总结评估阶段", "2024-12", None)]
    assert "目录" in result.dropped_text() and result.lost == []


@pytest.mark.parametrize("table, steps", [
    ("| 工作内容 | 开始时间 | 结束时间 |\n| --- | --- | --- |\n| 摸底评估 | 2024年3月1日 | 2024年3月31日 |\n",
     [("摸底评估", "2024-03-01", "2024-03-31")]),
    ("| 阶段及时间 | 主要工作 |\n| --- | --- |\n| 第一阶段（2024年3月1日—3月15日） | 征集技术需求 |\n| 即日起至2024年4月30日 | 组建服务团 |\n",
     [("第一阶段", "2024-03-01", "2024-03-15"), ("组建服务团", None, "2024-04-30")]),
    ("| 时间 | 工作内容 |\n| --- | --- |\n| 2024年5月下旬 | 召开实训动员会，开展安全教育和岗前培训，与企业、家长签订三方协议 |\n",
     [("召开实训动员会", "2024-05", None)]),
])
def test_a_steps_table_with_start_and_end_columns_or_the_phase_in_the_time_cell(
        table: str, steps: list[tuple[str, str | None, str]]) -> None:
    text = PLAN.format(title="某县2024年帮扶方案").replace(STEP_LINE, table)
    result = run(text)
    assert [(s["title"], s.get("start"), s.get("end")) for s in result.plans[0][0]["steps"]] == steps
    assert result.lost == []


def test_a_one_line_paste_with_tags_before_the_title_and_phases_shouxian_qici_zuihou() -> None:
    text = ("【发布单位：某县妇联】【发布时间：2024-03-06】 某县2024年积分超市帮扶方案 为激发参与积极性，特制定本方案。"
            "一、指导思想 坚持以积分激励为抓手，引导农村妇女争当美丽家园建设者。二、领导小组 组长：向慧敏（县妇联主席） "
            "三、实施步骤 活动按三个阶段推进：首先，宣传发动阶段（3月1日-3月10日），公布兑换办法；其次，积分评比阶段"
            "（3月11日-11月30日），每月评比打分；最后，总结表彰阶段（12月），评选示范户。四、工作要求 要确保评比公开公正。")
    plan, result = one_plan(text)
    assert plan["title"] == "某县2024年积分超市帮扶方案"
    assert _dated(plan) == [
        ("宣传发动阶段", "2024-03-01", "2024-03-10"), ("积分评比阶段", "2024-03-11", "2024-11-30"), ("总结表彰阶段", "2024-12", None)]
    assert "【发布单位：某县妇联】【发布时间：2024-03-06】" in result.dropped_text() and result.lost == []


def test_a_plan_titled_on_its_annex_line_after_a_break_is_another_plan() -> None:
    text = PLAN.format(title="某县电商帮扶方案") + "某县商务局\n2024年2月29日\n------\n" + PLAN.format(title="附件2：某县电商人才培训方案")
    result = run(text)
    assert [p["title"] for p, _ in result.plans] == ["某县电商帮扶方案", "某县电商人才培训方案"] and result.lost == []


def test_a_plan_ended_by_its_in_force_sentence_and_plans_headed_fangan_n_or_fu_split() -> None:
    first, second = PLAN.format(title="甲村帮扶方案"), PLAN.format(title="乙村帮扶方案")
    for joined in (first + "本方案自印发之日起施行。\n" + second, first + "本方案由村委会负责解释。\n" + second,
                   "方案一\n" + first + "方案二\n" + second, first + "某村委会\n2024年1月1日\n附：" + second):
        result = run(joined)
        assert [p["title"] for p, _ in result.plans] == ["甲村帮扶方案", "乙村帮扶方案"] and result.lost == [], joined


def test_a_table_of_months_in_chinese_numerals_dates_its_steps() -> None:
    text = PLAN.format(title="某中学2024年春季学期帮扶计划").replace(
        STEP_LINE,
        "| 时间 | 工作内容 |\n| --- | --- |\n| 三月份 | 召开对接会 |\n| 五月至六月 | 接收教师跟岗学习 |\n")
    result = run(text)
    assert [(s["title"], s.get("start"), s.get("end")) for s in result.plans[0][0]["steps"]] == [
        ("召开对接会", "2024-03", None), ("接收教师跟岗学习", "2024-05", "2024-06")]
    assert result.lost == []


def test_one_step_per_year_and_one_step_per_dated_clause_of_a_sentence() -> None:
    years = PLAN.format(title="某县香柚产业三年行动方案（2024—2026年）").replace(
        STEP_LINE, "2024年：完成果园改造。\n2025年：建设冷链中心。\n")
    clauses = PLAN.format(title="某县2024年空心房整治方案").replace(
        STEP_LINE,
        "各村要在3月15日前完成摸底登记，3月16日至6月30日集中开展拆除整治，9月底前完成县级验收。\n")
    for text, want in ((years, [("完成果园改造", "2024-01", "2024-12"), ("建设冷链中心", "2025-01", "2025-12")]),
                       (clauses, [("各村要在完成摸底登记", None, "2024-03-15"), ("集中开展拆除整治", "2024-03-16", "2024-06-30"),
                                  ("完成县级验收", None, "2024-09")])):
        result = run(text)
        assert [(s["title"], s.get("start"), s.get("end")) for s in result.plans[0][0]["steps"]] == want
        assert result.lost == []


def test_a_steps_table_without_a_header_row() -> None:
    text = PLAN.format(title="某县2024年技能培训帮扶方案").replace(
        STEP_LINE,
        "| 2024年3月1日—3月15日 | 调查摸底 | 摸清企业用工需求 |\n| --- | --- | --- |\n| 2024年5月 | 推荐就业 | 组织学员签订合同 |\n")
    result = run(text)
    steps = result.plans[0][0]["steps"]
    assert [(s["title"], s.get("start"), s.get("end"), s.get("body")) for s in steps] == [
        ("调查摸底", "2024-03-01", "2024-03-15", "摸清企业用工需求"), ("推荐就业", "2024-05", None, "组织学员签订合同")]
    assert result.lost == []


def test_a_title_line_followed_by_the_outline_starting_again_is_another_plan() -> None:
    first, second = PLAN.format(title="甲村帮扶方案"), PLAN.format(title="乙村帮扶方案")
    result = run(first + second.replace("为做好帮扶工作，制定本方案。\n", ""))
    assert [p["title"] for p, _ in result.plans] == ["甲村帮扶方案", "乙村帮扶方案"] and result.lost == []
    assert len(plans(first + "附：乙村帮扶方案的说明。\n")) == 1


def test_markdown_headings_that_are_dates_name_no_signature_and_date_their_steps() -> None:
    text = ("# 某县2024年林下经济帮扶方案\n\n为发展林下经济，制定本方案。\n\n## 一、指导思想\n\n坚持生态优先。\n\n## 二、领导小组\n\n"
            "组长：蒋振兴（县林业局局长）\n\n## 三、实施步骤\n\n### 2024年3月\n\n开展资源调查，确定重点村。\n\n"
            "### 2024年4月—9月\n\n发放种苗，上门指导。\n\n## 四、工作要求\n\n要加强林地保护。\n\n某县林业局\n\n2024年2月21日\n")
    result = convert(text, "a.md", Options(compile_split(None)))
    [(plan, _)] = result.plans
    assert [(s["title"][:6], s.get("start"), s.get("end")) for s in plan["steps"]] == [
        ("开展资源调查", "2024-03", None), ("发放种苗，上", "2024-04", "2024-09")]
    assert (plan["issuer"], plan["date"]) == ("某县林业局", "2024-02-21") and result.lost == []


def test_plans_numbered_under_a_collection_title_take_its_year() -> None:
    def village(name: str) -> str:
        return (f"{name}村产业帮扶方案\n（一）指导思想\n坚持因地制宜。\n（二）领导小组\n组长：罗建华（{name}村党支部书记）\n"
                "（三）实施步骤\n1.3月1日至3月31日，完成茶园规划。\n（四）工作要求\n要全程跟踪服务。\n")
    text = "黄桥镇2024年村级产业帮扶方案\n一、" + village("青龙") + "二、" + village("白虎") + "黄桥镇人民政府\n2024年2月26日\n"
    result = run(text)
    assert [p["title"] for p, _ in result.plans] == ["青龙村产业帮扶方案", "白虎村产业帮扶方案"]
    assert [p["steps"][0].get("start") for p, _ in result.plans] == ["2024-03-01", "2024-03-01"]
    assert "黄桥镇2024年村级产业帮扶方案" in result.dropped_text() and result.lost == []


def test_a_one_line_paste_with_items_numbered_with_a_half_width_dot() -> None:
    text = ("某县2024年杨梅技术帮扶方案  为帮助种植户提高管理水平，特制定本方案。  一、指导思想  坚持科技兴果、服务到园，推动产业提质增效。"
            "  二、领导小组  组长：储建军（县林业局局长）  三、实施步骤  1.冬季修剪培训（2024年1月—2月）：开展修剪培训。  "
            "2.花果管理指导（2024年3月—5月）：指导疏花疏果，每亩施肥2.5公斤。  四、工作要求  要深入果园开展服务。  某县林业局  2024年1月5日")
    plan, result = one_plan(text)
    assert [(s["title"], s["start"], s["end"]) for s in plan["steps"]] == [
        ("冬季修剪培训", "2024-01", "2024-02"), ("花果管理指导", "2024-03", "2024-05")]
    assert "2.5公斤" in plan["steps"][1]["body"] and result.lost == []


def test_annex_labels_above_the_plans_of_a_notice_without_page_breaks_and_a_task_table_headed_gongzuo_shixiang() -> None:
    first = PLAN.format(title="某市就业培训方案").replace(
        STEP_LINE,
        "| 序号 | 工作事项 | 完成时间 |\n| --- | --- | --- |\n| 1 | 摸排培训需求 | 3月10日前 |\n")
    text = ("关于印发《某市就业培训方案》《某市劳务输出方案》的通知\n各乡镇：\n现将两个方案印发给你们。\n某市人社局\n2024年3月4日\n"
            "附件1\n" + first + "附件2\n" + PLAN.format(title="某市劳务输出方案"))
    result = run(text)
    assert [p["title"] for p, _ in result.plans] == ["某市就业培训方案", "某市劳务输出方案"]
    assert [(s["title"], s.get("end")) for s in result.plans[0][0]["steps"]] == [("摸排培训需求", "2024-03-10")]
    assert "附件2" in result.dropped_text() and result.lost == []


def test_dates_that_are_a_phase_and_html_tags_in_a_markdown_table_lose_nothing() -> None:
    text = PLAN.format(title="某市2024年环卫一体化帮扶方案").replace(
        STEP_LINE,
        "3月1日起至3月31日止为准备阶段，主要完成设施采购。\n| 阶段 | 时间 |\n| --- | --- |\n| 实施 | 2024年4月1日—<br>9月30日 |\n")
    raw = [Line(i + 1, t) for i, t in enumerate(text.splitlines())]
    result = run(text)
    steps = result.plans[0][0]["steps"]
    assert [(s["title"], s["start"], s["end"]) for s in steps] == [
        ("准备阶段", "2024-03-01", "2024-03-31"), ("实施", "2024-04-01", "2024-09-30")]
    assert result.lost == [] and lost(raw, [p for p, _ in result.plans], result.dropped_text()) == []


def test_a_time_sentence_closing_a_phase_and_a_pages_related_articles_and_comments() -> None:
    text = ("某县人民政府\n" + PLAN.format(title="某县2024年两癌筛查帮扶方案").replace(
        STEP_LINE, "（一）宣传动员\n宣传筛查政策。时间安排：3月1日至3月15日。\n")
        + "某县卫生健康局\n2024年2月27日\n相关文章\n· 某县2023年筛查情况通报\n· 某县妇女健康管理办法\n网友评论\n我要评论\n暂无评论\n")
    plan, result = one_plan(text)
    assert [(s["title"], s["start"], s["end"]) for s in plan["steps"]] == [("宣传动员", "2024-03-01", "2024-03-15")]
    assert (plan["issuer"], plan["date"], plan["requirements"]) == ("某县卫生健康局", "2024-02-27", "要落实责任。")
    assert {"相关文章", "· 某县妇女健康管理办法", "暂无评论"} <= set(result.dropped_text()) and result.lost == []


def test_plans_headed_di_yi_bu_fen_and_phase_lines_decorated_with_circles() -> None:
    first = PLAN.format(title="第一部分　某县脐橙产业帮扶方案").replace("（一）动员", "（一）果园改造")
    second = PLAN.format(title="第二部分　某县2024年香芋产业帮扶方案").replace(
        STEP_LINE, "◎第一阶段◎　3月1日至3月31日　项目前期\n完成项目立项。\n")
    result = run(first + second)
    assert [p["title"] for p, _ in result.plans] == ["某县脐橙产业帮扶方案", "某县2024年香芋产业帮扶方案"]
    step = result.plans[1][0]["steps"][0]
    assert (step["title"], step["start"], step["end"]) == ("第一阶段：项目前期", "2024-03-01", "2024-03-31")
    assert result.lost == []


def test_months_opening_lines_under_an_unknown_heading_are_steps_and_yishi_after_a_heading_in_a_paste() -> None:
    months = PLAN.format(title="某中学2024年上学期帮扶计划").replace(
        "三、实施步骤\n（一）动员（2024年3月1日至3月15日）：召开会议。\n", "三、具体安排\n2月：召开联席会。\n5月—6月：联合开展复习研讨。\n")
    [plan] = plans(months)
    assert [(s.get("start"), s.get("end")) for s in plan["steps"]] == [("2024-02", None), ("2024-05", "2024-06")]
    paste = ("某县2024年物流帮扶方案 为打通物流最后一公里，制定本方案。一、指导思想 坚持统筹整合、共建共享，建立三级物流体系。"
             "二、领导小组 组长：欧阳明（县商务局局长） 三、实施步骤 一是整合资源阶段（2024年3月1日—4月30日），整合快递资源；"
             "二是网点建设阶段（2024年5月1日—9月30日），建设村级站点。四、工作要求 要提供场地支持。某县商务局 2024年2月28日")
    result = run(paste)
    assert [(s["title"], s["start"]) for s in result.plans[0][0]["steps"]] == [
        ("整合资源阶段", "2024-03-01"), ("网点建设阶段", "2024-05-01")]
    assert result.lost == []


def test_phases_under_an_unknown_heading_spaced_titles_and_a_notice_signed_in_chinese_numerals() -> None:
    phases = PLAN.format(title="某区2024年助浴帮扶方案").replace(
        STEPS_PART,
        "三、项目推进安排\n第一阶段为准备阶段，时间为2024年3月1日至3月31日，主要任务是采购设备。\n"
        "第二阶段为实施阶段，时间为2024年4月1日至11月30日，主要任务是上门服务。\n")
    assert [(s["title"], s["start"]) for s in plans(phases)[0]["steps"]] == [
        ("第一阶段为准备阶段", "2024-03-01"), ("第二阶段为实施阶段", "2024-04-01")]
    spaced = (PLAN.format(title="双 牌 县 2024 年 竹 产 业 帮 扶 方 案") + "双牌县林业局\n2024年2月26日\n"
              + PLAN.format(title="双 牌 县 2024 年 竹 笋 加 工 帮 扶 方 案"))
    assert [p["title"] for p in plans(spaced)] == ["双牌县2024年竹产业帮扶方案", "双牌县2024年竹笋加工帮扶方案"]
    notice = ("某区教育局关于印发《某区2024年教师培训方案》的通知\n各中小学校：\n现将方案印发给你们。\n某区教育局\n二〇二四年三月一日\n"
              + PLAN.format(title="某区2024年教师培训方案"))
    [plan] = plans(notice)
    assert (plan["issuer"], plan["date"]) == ("某区教育局", "2024-03-01")


def test_a_pian_header_naming_the_collection_gives_way_to_the_plans_own_title() -> None:
    text = ("社区帮扶工作方案 篇1\n" + PLAN.format(title="阳光社区帮扶方案") + "社区帮扶工作方案 篇2\n" + PLAN.format(title="和平社区帮扶方案"))
    result = run(text)
    assert [p["title"] for p, _ in result.plans] == ["阳光社区帮扶方案", "和平社区帮扶方案"]
    assert [p["preamble"] for p, _ in result.plans] == ["为做好帮扶工作，制定本方案。"] * 2
    assert "社区帮扶工作方案 篇2" in result.dropped_text() and result.lost == []


def test_dates_in_the_phase_cell_of_a_table_without_a_time_column_and_circled_steps_in_a_paste() -> None:
    table = PLAN.format(title="某县2024年技能帮扶方案").replace(
        STEP_LINE,
        "| 阶段 | 工作内容 |\n| --- | --- |\n| 第一阶段 （2024年3月1日—3月20日） | 组织报名 |\n")
    [step] = plans(table)[0]["steps"]
    assert (step["title"], step["start"], step["end"]) == ("第一阶段", "2024-03-01", "2024-03-20")
    paste = ("某县2024年河道保洁方案 为巩固河道治理成果，制定本方案。一、指导思想 坚持属地管理、全域保洁，实现河道常态清、长久洁。"
             "二、领导小组 组长：罗建华（县水利局局长） 三、实施步骤 ①3月1日—3月10日，组建保洁队伍；②3月11日—10月31日，开展常态化保洁；"
             "③11月，开展考核。四、工作要求 要落实保洁经费。某县水利局 2024年2月26日")
    result = run(paste)
    assert [(s.get("start"), s.get("end")) for s in result.plans[0][0]["steps"]] == [
        ("2024-03-01", "2024-03-10"), ("2024-03-11", "2024-10-31"), ("2024-11", None)]
    assert result.lost == []


def test_a_plan_issued_jointly_names_every_issuer_and_loses_no_line() -> None:
    text = PLAN.format(title="某县联合帮扶方案") + "中共某县委办公室\n某县人民政府办公室\n2024年3月22日\n"
    converted = run(text)
    [plan] = [d for d, _ in converted.plans]
    assert (plan["issuer"], plan["date"]) == ("中共某县委办公室、某县人民政府办公室", "2024-03-22")
    assert _placed_whole(text, converted)


def test_a_phase_label_before_its_dates_takes_the_name_written_after_them() -> None:
    text = PLAN.format(title="某镇帮扶方案").replace(
        "（一）动员（2024年3月1日至3月15日）：召开会议。",
        "第一步，2024年4月15日至4月30日，全面走访排查困难群众；第二步，2024年5月1日至10月31日，逐户落实帮扶措施。")
    [plan] = plans(text)
    assert [(s["title"], s["start"], s["end"]) for s in plan["steps"]] == [
        ("第一步，全面走访排查困难群众", "2024-04-15", "2024-04-30"), ("第二步，逐户落实帮扶措施", "2024-05-01", "2024-10-31")]


def test_a_leadership_table_pasted_one_cell_per_line_loses_not_its_header() -> None:
    text = PLAN.format(title="某校帮扶方案").replace(
        "组长：王立新（县教育局局长）\n", "小组职务\n姓名\n工作单位及职务\n组长\n王立新\n县教育局局长\n")
    converted = run(text)
    assert _placed_whole(text, converted)
    assert [p["name"] for p in converted.plans[0][0]["leadership"]["leaders"]] == ["王立新"]


def _placed_whole(text: str, converted: Converted) -> bool:
    """Every sentence of the text is in the plans where it belongs (none kept only by the safety net)."""
    raw = [Line(i + 1, t) for i, t in enumerate(text.splitlines())]
    return converted.lost == [] and lost(raw, [p for p, _ in converted.plans], converted.dropped_text()) == []


def test_plans_labelled_fangan_n_between_separator_lines_keep_their_signatures() -> None:
    rule = "————————————————————————————\n"
    wrapped = "坚持精准帮扶，注重实效，确保帮扶工作取得成效，让每一名留守儿\n童都能得到关爱，让每一户困难家庭都能\n得到帮扶，全面完成年度任务。\n"
    first = PLAN.format(title="甲村帮扶方案").replace("坚持精准帮扶。\n", wrapped) + "甲村村委会\n2024年2月27日\n"
    second = PLAN.format(title="乙村帮扶方案") + "乙村村委会\n2024年3月4日\n"
    result = run("帮扶方案汇编\n" + rule + "【方案一】\n" + first + rule + "【方案二】\n" + second + rule)
    assert [(p["title"], p["issuer"], p["date"], p["requirements"]) for p, _ in result.plans] == [
        ("甲村帮扶方案", "甲村村委会", "2024-02-27", "要落实责任。"), ("乙村帮扶方案", "乙村村委会", "2024-03-04", "要落实责任。")]
    assert result.lost == [] and all(UNPLACED not in str(p) for p, _ in result.plans)


def test_a_task_force_heading_over_role_lines_is_the_group() -> None:
    text = PLAN.format(title="石门镇茶产业帮扶方案").replace(
        "二、领导小组\n组长：王立新（县教育局局长）\n",
        "二、工作专班\n谭永红（石门镇党委书记）—— 组长\n班秀英（石门镇人民政府镇长）—— 副组长\n")
    [plan] = plans(text)
    group = plan["leadership"]
    assert [(p["name"], p["title"]) for p in group["leaders"] + group["deputies"]] == [("谭永红", "书记"), ("班秀英", "镇长")]
    assert plan["headings"]["leadership"] == "二、工作专班"


def test_a_title_cut_at_the_width_of_a_pdf_column() -> None:
    text = PLAN.format(title="岳溪县职业中等专业学校2024年“送技下乡”\n农民技能培训帮扶实施方案")
    [plan] = plans(text)
    assert plan["title"] == "岳溪县职业中等专业学校2024年“送技下乡”农民技能培训帮扶实施方案"
    [plan] = plans(PLAN.format(title="岳溪县市场监督管理局\n岳溪县纾困帮扶工作方案"))  # a short line above: not the title's
    assert plan["title"] == "岳溪县纾困帮扶工作方案"


def test_a_signature_followed_by_an_attachment_line() -> None:
    [plan] = plans(PLAN.format(title="某帮扶方案") + "岳溪县职业中等专业学校\n2024年2月26日\n附件：培训村点安排表\n")
    assert (plan["issuer"], plan["date"], plan["attachments"]) == (
        "岳溪县职业中等专业学校", "2024-02-26", [{"title": "培训村点安排表"}])
    assert "sections" not in plan


def test_lines_of_numbered_items_cut_at_the_width_of_a_pdf_column_are_joined() -> None:
    items = ("（一）授课教师要深入了解农民需求，坚持理论讲授与现场示范相结合，语言通俗易懂，\n确保农民听得懂、学得会、用得上。\n"
             "（二）培训处要建立培训档案，如实记录培训时间、地点、内容和参训人数，做到一期\n一档。\n")
    [plan] = plans(PLAN.format(title="某帮扶方案").replace("要落实责任。\n", items))
    assert plan["requirements"] == ["授课教师要深入了解农民需求，坚持理论讲授与现场示范相结合，语言通俗易懂，确保农民听得懂、学得会、用得上。",
                                    "培训处要建立培训档案，如实记录培训时间、地点、内容和参训人数，做到一期一档。"]


def test_steps_numbered_with_keycaps_keep_their_whole_sentences() -> None:
    steps = ("1️⃣7月1日—7月7日：各乡镇团委摸排留守儿童名单，招募返乡大学生志愿者，名单7月7日前报团县委。\n"
             "2️⃣7月8日—7月12日：志愿者集中培训（安全知识、课业辅导），地点在县青少年活动中心。\n")
    result = run(PLAN.format(title="梅岭县2024年暑期关爱帮扶活动方案").replace(STEP_LINE, steps))
    plan = result.plans[0][0]
    assert [(s["start"], s["end"]) for s in plan["steps"]] == [("2024-07-01", "2024-07-07"), ("2024-07-08", "2024-07-12")]
    assert "招募返乡大学生志愿者" in plan["steps"][0]["body"] and "地点在县青少年活动中心" in plan["steps"][1]["body"]
    assert result.lost == [] and UNPLACED not in str(plan)


def test_a_steps_table_without_a_title_column_names_each_step_by_its_task() -> None:
    table = ("| 时间 | 工作内容 | 责任单位 |\n| --- | --- | --- |\n"
             "| 4月8日—4月30日 | 集中排查：组织村干部、网格员对全镇农户开展一轮集中排查，建立风险农户台账 | 各村 |\n"
             "| 12月上旬 | 总结评估 | 镇党政办 |\n")
    text = PLAN.format(title="某镇2024年防止返贫监测帮扶方案").replace(STEP_LINE, table)
    steps = plans(text)[0]["steps"]
    assert [(s["title"], s.get("start"), s.get("end")) for s in steps] == [
        ("集中排查", "2024-04-08", "2024-04-30"), ("总结评估", "2024-12", None)]
    assert steps[0]["body"].startswith("组织村干部、网格员")


def test_a_paste_whose_title_and_headings_run_into_their_text_without_spaces() -> None:
    text = ("国网某县供电公司2024年乡村振兴电力帮扶工作方案为深入贯彻公司党委关于服务乡村振兴的决策部署，结合公司实际，制定本方案。"
            "一、指导思想坚持“人民电业为人民”的企业宗旨，以提升农村供电质量为基础，推动电力帮扶从“保供电”向“强产业”延伸。"
            "二、领导小组组长：罗卫东（党委书记、总经理）三、实施步骤（一）动员（2024年3月1日至3月15日）：召开会议。四、工作要求要落实责任。")
    result = run(text)
    plan = result.plans[0][0]
    assert plan["title"] == "国网某县供电公司2024年乡村振兴电力帮扶工作方案"
    assert plan["preamble"].startswith("为深入贯彻公司党委")
    assert plan["guiding_thought"].startswith("坚持“人民电业为人民”的企业宗旨，以提升")
    assert result.lost == [] and UNPLACED not in str(plan)


def test_a_leadership_table_under_a_safeguards_heading_is_the_group() -> None:
    group = ("二、组织保障\n集团成立定点帮扶工作领导小组，成员如下：\n| 序号 | 姓名 | 单位及职务 | 组内职务 |\n| --- | --- | --- | --- |\n"
             "| 1 | 肖振东 | 华岭能源集团有限公司党委书记、董事长 | 组长 |\n| 2 | 邹宏伟 | 华岭能源集团有限公司副总经理 | 副组长 |\n")
    [plan] = plans(PLAN.format(title="某集团定点帮扶工作方案").replace("二、领导小组\n组长：王立新（县教育局局长）\n", group))
    leaders = plan["leadership"]
    assert [p["name"] for p in leaders["leaders"] + leaders["deputies"]] == ["肖振东", "邹宏伟"]
    assert plan["headings"]["leadership"] == "二、组织保障"


def test_months_without_a_year_after_a_span_into_the_next_year() -> None:
    steps = "1. 9月2日—9月13日：调研对接。\n2. 12月下旬：汇报展示。\n3. 3月至6月：跟踪指导。\n"
    text = PLAN.format(title="城北实验小学送教下乡活动方案").replace(STEP_LINE, steps)
    text = text.replace("二、领导小组", "二、活动时间\n2024年9月至2025年6月。\n三、领导小组")
    dated = [(s.get("start"), s.get("end")) for s in plans(text)[0]["steps"] if s.get("start")]
    assert dated == [("2024-09-02", "2024-09-13"), ("2024-12", None), ("2025-03", "2025-06")]


def test_an_objectives_heading_run_into_its_figures_and_a_phase_item_kept_whole() -> None:
    text = PLAN.format(title="某公司2024年帮扶方案").replace(
        "二、领导小组", "二、工作目标2024年完成辖区12个脱贫村配电网改造升级任务，户均容量达到2.6千伏安。\n三、领导小组")
    text = text.replace("（一）动员（2024年3月1日至3月15日）：召开会议。", "（一）实施阶段（3月1日至15日）：开展帮扶活动，召开会议。")
    [plan] = plans(text)
    assert plan["objectives"].startswith("2024年完成辖区12个脱贫村配电网改造升级任务")
    assert plan["steps"][0]["title"].startswith("实施阶段") and plan["steps"][0]["start"] == "2024-03-01"
    assert "开展帮扶活动" in plan["steps"][0]["title"] + plan["steps"][0].get("body", "")


def test_a_bank_signs_and_its_printing_offices_line_is_the_footer() -> None:
    text = PLAN.format(title="某农商银行帮扶工作方案") + "沙洲农村商业银行\n2024年3月15日\n沙洲农村商业银行办公室　　2024年3月15日印发\n"
    result = run(text)
    plan = result.plans[0][0]
    assert (plan["issuer"], plan["date"]) == ("沙洲农村商业银行", "2024-03-15")
    assert result.lost == [] and "sections" not in plan


def test_a_step_whose_text_opens_with_from_today_until() -> None:
    text = PLAN.format(title="某街道帮扶方案").replace(
        "（一）动员（2024年3月1日至3月15日）：召开会议。", "（一）排查建档。\n即日起至3月31日，各社区完成困难群众全面排查。") + "凤栖街道办事处\n2024年3月11日\n"
    step = plans(text)[0]["steps"][0]
    assert (step["title"], step["start"], step["end"]) == ("排查建档", "2024-03-11", "2024-03-31")


def test_a_month_in_a_steps_text_after_a_span_across_the_new_year() -> None:
    steps = "（一）调查摸底：9月2日—9月13日。入户评估学生需求。\n（二）总结评估：2025年1月上旬。整理送教档案。\n"
    text = PLAN.format(title="柏溪县特殊教育学校送教上门方案").replace(STEP_LINE, steps)
    text = text.replace("二、领导小组", "二、实施时间\n2024年9月至2025年1月。\n三、领导小组")
    first = plans(text)[0]["steps"][0]
    assert (first["title"], first["start"], first["end"]) == ("调查摸底", "2024-09-02", "2024-09-13")


def test_a_paste_whose_steps_heading_runs_into_its_first_item_and_a_heading_into_its_sentence() -> None:
    text = ("某县政协2024年委员联系帮扶活动方案\n为做好帮扶工作，制定本方案。一、指导思想 坚持精准帮扶。二、领导小组 组长：阮国庆（县政协主席）"
            "。四、活动步骤（一）结对阶段（2024年4月1日至4月20日）。统筹安排结对村。（二）帮扶阶段（2024年4月21日至11月30日）。开展帮扶。"
            "五、保障措施各部门要把帮扶作为重要任务，主要负责人亲自抓。")
    result = run(text)
    plan = result.plans[0][0]
    assert [(s["title"], s["start"]) for s in plan["steps"]] == [("结对阶段", "2024-04-01"), ("帮扶阶段", "2024-04-21")]
    assert str(plan.get("safeguards", plan.get("requirements"))).find("各部门要把帮扶作为重要任务") >= 0
    assert result.lost == [] and UNPLACED not in str(plan)


def test_a_chat_forward_above_a_title_that_runs_into_its_opening_and_a_time_label_closing_a_step() -> None:
    text = ("【转发】各乡镇水利站站长：方案已经定稿，请认真落实，收到请回复。\n\n"
            "柳浦县2024年农村饮水安全帮扶行动方案 为全面巩固提升农村饮水安全保障水平，制定本方案。\n"
            + PLAN.split("\n", 2)[2].replace("（一）动员（2024年3月1日至3月15日）：召开会议。",
                                            "（一）对接调研。公司工作组进村入户，签订协议。时间：2024年4月1日至4月30日。")
            + "中共凤岭县统计局党组\n2024年2月27日\n")
    result = run(text)
    plan = result.plans[0][0]
    assert plan["title"] == "柳浦县2024年农村饮水安全帮扶行动方案" and plan["preamble"].startswith("为全面巩固")
    assert (plan["steps"][0]["start"], plan["steps"][0]["end"]) == ("2024-04-01", "2024-04-30")
    assert plan["issuer"] == "中共凤岭县统计局党组"
    assert result.lost == []


def test_the_group_in_the_first_of_two_annexes_after_the_list_of_attachments() -> None:
    text = PLAN.format(title="某县培训帮扶方案").replace("组长：王立新（县教育局局长）\n", "成立领导小组（成员名单见附件1）。\n") + (
        "附件：1．某县培训帮扶工作领导小组成员名单\n　　　2．某县培训补贴标准\n附件1\n某县培训帮扶工作领导小组成员名单\n"
        "组　长：谢长青　县人力资源和社会保障局局长\n副组长：廖国强　县乡村振兴局副局长\n附件2\n某县培训补贴标准\n"
        "| 培训工种 | 补贴标准 |\n| --- | --- |\n| 茶叶加工工 | 1200 |\n")
    plan, result = one_plan(text)
    assert [p["name"] for p in plan["leadership"]["leaders"] + plan["leadership"]["deputies"]] == ["谢长青", "廖国强"]
    assert plan["attachments"] == [{"title": "某县培训帮扶工作领导小组成员名单"}, {"title": "某县培训补贴标准"}]
    assert result.lost == []


def test_a_chat_message_bulleting_its_steps_and_headings_with_pins() -> None:
    text = ("某村2024年油茶产业帮扶方案\n为做好帮扶工作，制定本方案。\n📌一、指导思想\n坚持精准帮扶。\n📌二、领导小组\n"
            "组长：王立新（县教育局局长）\n📌三、实施步骤\n📌3月10日前：完成摸底登记，报村委会汇总\n📌3月11日—4月10日：开展低产林改造\n"
            "📌四、工作要求\n要落实责任。\n")
    result = run(text)
    plan = result.plans[0][0]
    assert _dated(plan) == [
        ("完成摸底登记，报村委会汇总", None, "2024-03-10"), ("开展低产林改造", "2024-03-11", "2024-04-10")]
    assert plan["requirements"] == "要落实责任。" and result.lost == []


def test_the_addressees_under_the_title_and_a_sites_menu_are_left_out() -> None:
    text = ("楚南职业技术学院\n网站首页　学校概况　机构设置　教育教学　招生就业\n当前位置：首页 >> 通知公告 >> 正文\n"
            + PLAN.format(title="楚南职业技术学院2024年消费帮扶工作方案").replace("为做好帮扶工作", "各部门、各二级学院：\n为做好帮扶工作"))
    result = run(text)
    plan, report = result.plans[0]
    assert plan["preamble"] == "为做好帮扶工作，制定本方案。"
    assert "各部门、各二级学院：" in [t for _, t, _ in report.dropped] and result.lost == []


@pytest.mark.parametrize("block", [
    ("索 引 号：431299003/2024-00017　　　　主题分类：农业、林业、水利\n发布机构：云岫县林业局　　　　生成日期：2024-01-12\n"
    "文　　号：云林发〔2024〕2号　　　　　　有 效 性：有效\n"),
    ("索 引 号：431299003/2024-00017　　　　分　　类：农业、林业、水利\n发布机构：云岫县林业局　　　　成文日期：2024年01月10日\n"
    "文　　号：云林发〔2024〕2号　　　　　　发布日期：2024年01月12日\n"
    "标　　题：云岫县林业局关于印发《云岫县2024年生态护林员帮扶工作方案》的通知\n\n"
    "云岫县林业局关于印发《云岫县2024年生态护林员帮扶工作方案》的通知\n各乡镇：\n现将方案印发给你们，请抓好落实。\n"
    "云岫县林业局\n2024年1月10日\n\n"),
    ("索 引 号：MX00512-0200-2024-00018\n发布机构：云岫县林业局\n生成日期：2024-05-22\n"
     "文　　号：云林发〔2024〕2号\n主题分类：民政、扶贫、救灾\n有 效 性：有效\n"),
    ("索 引 号：431227-0107-2024-00031　　　主题分类：财政、金融、审计\n发文机关：云岫县林业局　　成文日期：2024年03月18日\n"
     "发文字号：云林发〔2024〕2号　　发布日期：2024年03月20日\n有 效 性：有效\n"),
])
def test_a_government_sites_disclosure_block_is_chrome_and_gives_the_number(block: str) -> None:
    text = (block + PLAN.format(title="云岫县2024年生态护林员帮扶工作方案")
            + "云岫县林业局\n2024年1月10日\n【我要纠错】　【打印本页】　【关闭窗口】\n")
    result = run(text)
    plan = result.plans[0][0]
    assert (plan["title"], plan["number"], plan["issuer"], plan["date"]) == (
        "云岫县2024年生态护林员帮扶工作方案", "云林发〔2024〕2号", "云岫县林业局", "2024-01-10")
    assert plan["preamble"] == "为做好帮扶工作，制定本方案。" and result.lost == []


def test_an_attachment_named_like_a_plan_above_the_signature_starts_no_plan() -> None:
    text = PLAN.format(title="石岭县就业帮扶专项行动方案") + "附件：石岭县就业帮扶车间认定管理办法\n石岭县人力资源和社会保障局\n2025年3月12日\n"
    plan, result = one_plan(text)
    assert (plan["issuer"], plan["date"]) == ("石岭县人力资源和社会保障局", "2025-03-12")
    assert plan["attachments"] == [{"title": "石岭县就业帮扶车间认定管理办法"}] and result.lost == []


def test_items_numbered_with_a_full_width_stop_before_a_year_start_lines_in_a_paste() -> None:
    text = ("某校结对帮扶方案 为做好结对帮扶工作，制定本方案。一、指导思想 坚持精准帮扶，注重实效，确保帮扶工作取得成效。"
            "二、实施步骤 1．2024年9月2日—9月20日，两校签订结对帮扶协议。2．2024年10月至2025年5月，开展送教活动。"
            "3．2025年6月，召开总结会。三、工作要求 两校要加强沟通联系，费用1．5万元由两校分担。")
    [plan] = plans(text)
    assert [(s["start"], s.get("end")) for s in plan["steps"]] == [
        ("2024-09-02", "2024-09-20"), ("2024-10", "2025-05"), ("2025-06", None)]
    assert plan["requirements"] == "两校要加强沟通联系，费用1．5万元由两校分担。"


def test_a_whole_page_pasted_on_one_line_loses_its_chrome_and_keeps_the_plan() -> None:
    text = ("首页 > 检务公开 > 工作动态 某县人民检察院驻村帮扶工作方案 发布时间：2024-03-18 09:40 来源：某县人民检察院 "
            "【字体：大 中 小】 　　为做好驻村帮扶工作，结合本院实际，资金来源：院机关经费，制定本方案。　　一、指导思想　　坚持精准帮扶，"
            "立足检察职能，推动帮扶工作与法律监督深度融合。　　二、工作要求　　全院干警要增强帮扶意识，领导班子成员每季度到村开展帮扶"
            "活动不少于1次，驻村干部要严格遵守驻村工作纪律。　　某县人民检察院　　"
            "2024年3月15日【打印本页】【关闭窗口】 版权所有：某县人民检察院 技术支持：某县信息中心")
    plan, result = one_plan(text)
    assert (plan["title"], plan["issuer"], plan["date"]) == ("某县人民检察院驻村帮扶工作方案", "某县人民检察院", "2024-03-15")
    assert plan["preamble"] == "为做好驻村帮扶工作，结合本院实际，资金来源：院机关经费，制定本方案。"
    assert plan["requirements"].startswith("全院干警要增强帮扶意识") and plan["requirements"].endswith("驻村工作纪律。")
    assert result.dropped_text() == ["首页 > 检务公开 > 工作动态", "发布时间：2024-03-18 09:40", "来源：某县人民检察院",
                                     "【字体：大 中 小】", "【打印本页】", "【关闭窗口】", "版权所有：某县人民检察院",
                                     "技术支持：某县信息中心"]


def test_a_one_line_paste_with_dated_items_and_a_footer_naming_the_office_after_its_label() -> None:
    text = ("某大学2025年定点帮扶实施方案 发布时间：2025-03-10 为做好定点帮扶工作，结合学校实际，制定本方案。一、指导思想 坚持健康帮扶，"
            "推动优质医疗资源下沉，让群众在家门口看得好病。二、时间安排 2025年3月：召开推进会，签订责任书。4月—6月：组织专家义诊。"
            "12月15日前：完成年度总结。三、工作要求 各单位要把帮扶工作纳入年度重点工作。某大学 2025年3月7日 【打印本页】 "
            "版权所有：某大学 党委宣传部")
    plan, result = one_plan(text)
    assert _dated(plan) == [
        ("召开推进会，签订责任书", "2025-03", None), ("组织专家义诊", "2025-04", "2025-06"), ("完成年度总结", None, "2025-12-15")]
    assert (plan["issuer"], plan["date"], plan["requirements"]) == ("某大学", "2025-03-07", "各单位要把帮扶工作纳入年度重点工作。")
    assert result.dropped_text()[-2:] == ["版权所有：某大学", "党委宣传部"]


def test_a_paste_with_headings_run_into_the_words_around_them() -> None:
    text = ("某小学2024年春季结对帮扶工作方案 为帮助乡中心小学提高教学质量，经校委会研究，特制定本方案。一、帮扶目标以课堂教学为重点，"
            "以教研活动为载体，本学期两校结成师徒对子不少于8对。二、帮扶内容（一）送教送研。每月派出骨干教师上示范课。"
            "三、组织机构组长：谢文杰（校长）　副组长：周丽君（副校长）　成员：各学科教研组长、乡中心小学校长四、活动安排1．2月下旬："
            "两校召开对接会。2．3月—5月：开展送教活动。五、工作要求1．送教教师要认真准备。 某小学 2024年2月20日")
    plan, result = one_plan(text)
    assert plan["objectives"].startswith("以课堂教学为重点")  # 帮扶目标 ran into its text
    assert plan["leadership"]["leaders"] == [{"name": "谢文杰", "title": "校长"}]  # 组长： ran into 组织机构
    assert plan["leadership"]["members"][-1] == {"description": "乡中心小学校长"}  # 四、活动安排 ran into 校长
    assert [(s["start"], s.get("end")) for s in plan["steps"]] == [("2024-02", None), ("2024-03", "2024-05")]
    assert plan["headings"]["steps"] == "四、活动安排" and result.lost == []
    [short] = plans(PLAN.format(title="某县帮扶方案").replace("二、领导小组\n组长：", "二、组织机构组长："))  # not a paste: one line
    assert short["leadership"]["leaders"] == [{"name": "王立新", "title": "局长", "org": "县教育局"}]
    glued = [Line(1, "成员：各学科教研组长、乡中心小学校长四、活动安排1．2月下旬：两校召开对接会")]
    data = {"leadership": {"members": [{"description": "各学科教研组长"}, {"description": "乡中心小学校长"}]},
            "headings": {"steps": "四、活动安排"}, "steps": [{"title": "两校召开对接会", "start": "2024-02"}]}
    assert lost(glued, [data], []) == []  # the numbers run into the words are structure


@pytest.mark.parametrize("issuer, footer", [
    ("某县人民法院", "【大】【中】【小】\n【打印本页】"),
    ("雁溪县烟草专卖局（分公司）", "【打印本页】【关闭窗口】\n版权所有：黔阳市烟草专卖局（公司）　　未经许可不得转载"),
    ("国网梅川县供电公司龙潭供电所", "【关闭窗口】　【打印本页】\n梅川县龙潭镇人民政府　主办"),
    ("龙潭镇人民政府", "【打印正文】　【关闭】"),
    ("芦洲供电所", "韩冬：\n收到👍\n\n蒋立新：\n收到，配电班这周就去白鹭村看场地"),
    ("龙潭乡人民政府", "石门村-李支书：\n收到\n\n乡村振兴办-周丽：\n[文件] 农户风险排查表.xlsx"),  # a file sent after the plan
    ("龙潭坪乡人大主席团", "扫一扫在手机打开当前页"),  # a presidium signs; a page's phone link
    ("中国铁路南岭局集团有限公司枫坪工务段", "【关闭窗口】"),  # a railway's section signs
    ("茶岭村村民委员会", "（本栏目信息由村级信息员上传，镇党政办审核）"),
    ("鹤阳县住房和城乡建设局", "【我要打印】【关闭窗口】\n版权所有：鹤阳县住房和城乡建设局　|　技术支持：鹤阳县信息中心"),
    ("雾溪村村民委员会", "【打印本页】【关闭窗口】\n青崖镇人民政府主办　　青崖镇党政综合办公室维护"),
    ("清水塘村村民委员会", "【关闭窗口】\n柘川县云屏镇人民政府　主办　　地址：云屏镇新街28号"),
    ("某村镇银行股份有限公司", "温馨提示：本行不会通过短信、电话等方式索要您的账户密码，谨防电信诈骗。\n客服热线：0745-96888　　地址：新华路168号"),
    ("某县人民医院", "上一条：我院开展新春慰问活动\n下一条：关于公布进修人员名单的通知\n版权所有 © 某县人民医院　　地址：人民路56号"),
    ("某县实验小学", "【打印此页】　【关闭窗口】\nCopyright © 2024 某县实验小学 All Rights Reserved　　地址：育才路9号"),
    ("南岭农林大学", "上一篇：学校召开乡村振兴工作会议\n版权所有 © 南岭农林大学"),
    ("岚江县公安局", ("主办单位：岚江县公安局　　承办单位：岚江县公安局政治处\n地址：岚江县城南路118号　　网站标识码：4312970011\n"
                     "湘公网安备 43129702000123号")),
    ("凤岭县农业农村局", "相关链接：凤岭县2023年茶叶产业发展情况通报\n【打印本页】【关闭窗口】\n凤岭县人民政府办公室主办　　凤岭县融媒体中心承办"),
])
def test_a_signature_above_a_sites_footer_gives_the_issuer_and_the_date(issuer: str, footer: str) -> None:
    [plan] = plans(PLAN.format(title="某县帮扶方案") + f"\n{issuer}\n2024年2月22日\n\n{footer}\n")
    assert (plan["issuer"], plan["date"]) == (issuer, "2024-02-22") and "sections" not in plan


def test_a_notice_title_above_its_number_and_a_pages_download_links() -> None:
    text = ("关于印发《某县结对帮扶工作实施方案》的通知\n发布时间：2024-08-30 09:15\n\n某教发〔2024〕31号\n\n各学校：\n"
            "现将《某县结对帮扶工作实施方案》印发给你们，请认真组织实施。\n\n某县教育局\n2024年8月28日\n\n"
            + PLAN.format(title="某县结对帮扶工作实施方案")
            + "\n附件：1．结对学校名单\n　　　2．考核细则\n\n相关附件：\n结对学校名单.docx\n考核细则.xls\n附件下载：考核细则.pdf\n")
    plan, result = one_plan(text)
    assert plan["number"] == "某教发〔2024〕31号"
    assert plan["attachments"] == [{"title": "结对学校名单"}, {"title": "考核细则"}]
    assert {"相关附件：", "结对学校名单.docx", "考核细则.xls", "附件下载：考核细则.pdf"} <= set(result.dropped_text())


def test_the_issuer_above_a_notices_title_and_a_plan_title_cut_over_two_lines_after_the_notice() -> None:
    text = ("石岭县教育局文件\n石教人〔2024〕9号\n石岭县教育局\n关于印发《石岭县城区教师赴乡村学校支教工作方案》的通知\n"
            "各学校：\n现将《石岭县城区教师赴乡村学校支教工作方案》印发给你们，请认真抓好落实。\n石岭县教育局\n2024年7月16日\n\n"
            "石岭县城区教师赴乡村学校\n支教工作方案\n为加强乡村教师队伍建设，制定本方案。\n一、指导思想\n坚持精准帮扶。\n"
            "二、工作要求\n要落实责任。\n")
    [plan] = plans(text)
    assert (plan["title"], plan["number"]) == ("石岭县城区教师赴乡村学校支教工作方案", "石教人〔2024〕9号")
    assert (plan["issuer"], plan["date"]) == ("石岭县教育局", "2024-07-16")
    assert plan["preamble"] == "为加强乡村教师队伍建设，制定本方案。"


def test_a_sentence_cut_by_a_pdf_column_before_its_last_word_and_colon_is_joined_but_role_labels_are_not() -> None:
    from plangen.importer.wraps import join_hard_wraps
    lines = [Line(1, "成立县困难重度残疾人家庭无障碍改造帮扶工"), Line(2, "作领导小组："),
             Line(3, "组  长：符丽华  县残联党组书记、理事长"), Line(4, "副组长：石建军  县残联副理事长"),
             Line(5, "领导小组办公室设在县残联康复部，陆芳同志"), Line(6, "兼任办公室主任，负责日常调度。"),
             Line(7, "残疾人本人或家属向所在村（社区）提出申请，"), Line(8, "成员：")]
    assert [ln.text for ln in join_hard_wraps(lines)] == [
        "成立县困难重度残疾人家庭无障碍改造帮扶工作领导小组：", "组  长：符丽华  县残联党组书记、理事长", "副组长：石建军  县残联副理事长",
        "领导小组办公室设在县残联康复部，陆芳同志兼任办公室主任，负责日常调度。", "残疾人本人或家属向所在村（社区）提出申请，", "成员："]


def test_a_notices_title_above_its_addressees_is_no_wrapped_line_so_a_role_line_keeps_its_end() -> None:
    from plangen.importer.wraps import join_hard_wraps
    lines = [Line(1, "某县水利局关于印发《某县河湖专项整治帮扶工作方案》的通知"), Line(2, "各乡镇人民政府，局机关各股室："),
             Line(3, "成员：吴建国，县水利局河湖管理股股长；王慧敏，县水利局农村水利股股长"),
             Line(4, "领导小组办公室设在县河长办，周小梅同志兼任办公室主任。")]
    assert join_hard_wraps(lines) == lines


def test_a_pdf_wrapped_after_a_role_label_joins_and_its_number_and_span_of_years_stay_apart() -> None:
    text = ("某集团有限公司文件\n\n某集团发〔2025〕14号\n\n柳塘村发展壮大村级集体经济三年行动实施方案\n（2024—2026年）\n"
            "　　为进一步发展壮大村级集体经济，增强村党组织凝聚力和服务群众能力，\n根据镇党委、镇政府的工作要求，结合我村实际，制定本方\n案。\n"
            "一、组织领导\n　　为确保方案落实，村里成立集体经济工作领导小组，组长：\n村党支部书记刘德胜；副组长：村委会主任何建平；成员：\n"
            "村委会委员杨春花、村会计宋国庆。领导小组办公室设在村便民服务中心。\n二、工作要求\n　　要落实责任。\n")
    plan, result = one_plan(text)
    assert (plan["title"], plan["number"]) == ("柳塘村发展壮大村级集体经济三年行动实施方案", "某集团发〔2025〕14号")
    assert plan["preamble"].startswith("为进一步发展壮大") and "（2024—2026年）" in result.dropped_text()
    group = plan["leadership"]
    assert [p["name"] for p in group["leaders"] + group["deputies"] + group["members"]] == ["刘德胜", "何建平", "杨春花", "宋国庆"]
    assert result.lost == []


def test_a_pages_heading_above_the_plans_own_title_and_a_footer_of_address_and_related_links() -> None:
    body = PLAN.format(title="楚南交通建设投资集团有限公司结对帮扶龙溪村工作方案")
    text = ("楚南交投集团结对帮扶龙溪村工作方案\n发布时间：2024-02-26　　浏览量：862\n" + body
            + "\n楚南交通建设投资集团有限公司\n2024年2月23日\n相关链接：\n楚南交投集团召开乡村振兴工作会议\n【关闭窗口】\n"
            "地址：楚南市高新区交投大厦　　联系电话：0731-1234567\n")
    plan, result = one_plan(text)
    assert plan["title"] == "楚南交通建设投资集团有限公司结对帮扶龙溪村工作方案"
    assert (plan["issuer"], plan["date"]) == ("楚南交通建设投资集团有限公司", "2024-02-23") and "sections" not in plan
    assert {"楚南交投集团结对帮扶龙溪村工作方案", "楚南交投集团召开乡村振兴工作会议"} <= set(result.dropped_text())


def test_a_one_line_page_keeps_its_title_after_the_pages_heading_and_loses_its_view_count_and_address() -> None:
    text = ("首页 > 乡村振兴 楚南交投集团结对帮扶龙溪村工作方案 发布时间：2024-02-26 浏览量：862 "
            "楚南交通建设投资集团有限公司结对帮扶龙溪村工作方案 为深入贯彻落实乡村振兴的工作部署，经集团党委研究，制定本方案。"
            " 一、指导思想 坚持党建引领、产业为基、就业为要，推动龙溪村由输血向造血转变。 二、工作要求 各部门要把结对帮扶工作作为"
            "履行国有企业社会责任的重要内容。 楚南交通建设投资集团有限公司 2024年2月23日 【打印】 版权所有：楚南交投集团 地址：交投大厦")
    plan, result = one_plan(text)
    assert plan["title"] == "楚南交通建设投资集团有限公司结对帮扶龙溪村工作方案"
    assert (plan["issuer"], plan["date"]) == ("楚南交通建设投资集团有限公司", "2024-02-23")
    assert plan["preamble"].startswith("为深入贯彻落实") and plan["requirements"].startswith("各部门要把")
    assert {"浏览量：862", "地址：交投大厦"} <= set(result.dropped_text())


@pytest.mark.parametrize("page", [
    "您现在的位置：首页>>工作动态>>通知公告 {title} 发布者：县局　发布时间：2025-03-05　浏览：238次 {body} {signature}【打印】",
    "首页>新闻中心>街道动态{title}发布时间：2025-03-04　来源：街道办 {body}{signature}分享到：微信　微博　QQ空间【打印】",
    "某镇人民政府网站首页 > 政务公开 > 工作方案{title}发布时间：2025-03-04 {body} {signature}",
    "首页 > 信息公开 > 计划总结 {title} 发布日期：2024-02-27 {body} {signature}",
    "首页 > 通知公告 > 正文 {title} 发布时间：2024-03-20 浏览次数：87{body} {signature}",
    "首页 > 通知公告 {title} {body}{signature} 【打印本页】 版权所有：某燃气有限公司 客服热线：0745-2213990",
    "首页 > 通知公告 {title} {body}{signature} 【打印本页】 【关闭窗口】 网站主办：某县人民政府办公室",
    "某县政协网 首页 > 履职动态 > 委员工作 {title}时间：2024-02-28 来源：县政协办公室 {body} {signature}",
    "松坪县教育局 > 通知公告 {title} 发布时间：2024-08-23　来源：基础教育股　【字体：大 中 小】 {body} {signature}",
    "首页>校园动态>通知公告 {title}发布者：总务处　发布时间：2024-02-21　浏览次数：203{body}{signature}",
    "首页 > 基层动态 {title} {body} {signature} 【打印本页】 版权所有：某保险股份有限公司　客服电话：95×××",
    "首页 > 工作动态 {title} {body} {signature} 相关链接： 某县民政局2024年政府信息公开工作年度报告 网站地图 | 联系我们 |",
])
def test_a_one_line_page_with_its_breadcrumb_and_dates_glued_to_the_title_and_the_signature(page: str) -> None:
    body = ("为做好帮扶工作，结合本地实际情况，制定本方案。一、指导思想 坚持精准帮扶，注重实效，确保帮扶工作取得成效，"
            "让辖区居民的居住条件明显改善。二、工作要求 各单位要落实责任，按时完成各项任务，定期报送工作进展情况，"
            "对推进不力的单位进行通报。")
    text = page.format(title="鹿鸣街道2025年老旧小区改造工程实施方案", body=body, signature="鹿鸣街道办事处2025年3月3日")
    plan, result = one_plan(text)
    assert plan["title"] == "鹿鸣街道2025年老旧小区改造工程实施方案"
    assert (plan["issuer"], plan["date"]) == ("鹿鸣街道办事处", "2025-03-03")
    assert plan["preamble"] == "为做好帮扶工作，结合本地实际情况，制定本方案。"
    raw = [Line(1, text)]
    assert result.lost == [] and lost(raw, [d for d, _ in result.plans], result.dropped_text()) == []


def test_a_one_line_page_with_the_notice_signed_before_the_plans_bare_title() -> None:
    text = ("首页 > 通知公告 某县公安局关于印发《某县农村道路交通安全帮扶工作方案》的通知 发布日期：2024-09-24 "
            "某公通〔2024〕31号 各派出所： 现将《某县农村道路交通安全帮扶工作方案》印发给你们，请认真贯彻执行。 某县公安局 2024年9月23日 "
            "某县农村道路交通安全帮扶工作方案 秋冬季是农村道路交通事故易发多发时段，为抓好群众出行安全，制定本方案。 一、指导思想 "
            "坚持减量控大，全力压降农村道路交通事故。 二、工作要求 各单位要把帮扶整治作为当前一项重要任务，主要领导亲自抓。 【打印此页】")
    plan, result = one_plan(text)
    assert (plan["title"], plan["number"]) == ("某县农村道路交通安全帮扶工作方案", "某公通〔2024〕31号")
    assert (plan["issuer"], plan["date"]) == ("某县公安局", "2024-09-23")
    assert plan["preamble"].startswith("秋冬季是农村道路交通事故") and result.lost == []


@pytest.mark.parametrize("issuer", ["某县初中数学卢娟名师工作室", "某县职业中专"])
def test_a_studio_or_a_vocational_school_signs_a_plan_forwarded_in_a_chat(issuer: str) -> None:
    text = ("卢娟 2024-09-10 21:08\n各位成员晚上好，方案发到群里。\n\n" + PLAN.format(title="某县初中数学名师工作室帮扶方案")
            + f"\n{issuer}\n2024年9月10日\n\n马晓东 2024-09-10 21:15\n收到👍\n")
    [plan] = plans(text)
    assert (plan["issuer"], plan["date"]) == (issuer, "2024-09-10")


def test_a_plan_forwarded_in_a_chat_group_loses_the_groups_name_the_senders_and_the_replies() -> None:
    text = ("桐江县妇联系统工作群（42）\n\n县妇联-刘红梅  3月28日 上午9:12\n@所有人 请大家认真学习方案，抓好落实。\n\n"
            + PLAN.format(title="桐江县技能培训帮扶方案")
            + "\n桐江县妇女联合会\n2025年3月25日\n\n石桥镇妇联-陈芳  3月28日 上午9:15\n收到👌\n\n"
            "龙潭镇  田丽  3月28日 上午9:20\n收到，马上落实[强][强]\n\n县妇联-刘红梅  3月28日 上午9:31\n报名表模板稍后发群里，大家注意查收。\n")
    plan, result = one_plan(text)
    assert plan["title"] == "桐江县技能培训帮扶方案" and plan["preamble"] == "为做好帮扶工作，制定本方案。"
    assert (plan["issuer"], plan["date"]) == ("桐江县妇女联合会", "2025-03-25") and "sections" not in plan
    assert {"桐江县妇联系统工作群（42）", "收到👌", "报名表模板稍后发群里，大家注意查收。"} <= set(result.dropped_text())


def test_a_labelled_byline_under_the_title_gives_the_issuer_and_the_date() -> None:
    text = PLAN.format(title="云台县技能培训帮扶方案").replace(
        "云台县技能培训帮扶方案\n", "# 云台县技能培训帮扶方案\n\n**发布单位：** 云台县人力资源和社会保障局　　**日期：** 2024年3月8日\n\n", 1)
    result = convert(text, "a.md", Options(compile_split(None)))
    [(plan, _)] = result.plans
    assert (plan["issuer"], plan["date"]) == ("云台县人力资源和社会保障局", "2024-03-08")
    assert plan["preamble"] == "为做好帮扶工作，制定本方案。"


def test_a_sites_name_above_its_breadcrumb_and_the_attachments_listed_in_the_notice() -> None:
    text = ("龙阳县林业局\n网站首页 > 通知公告\n关于印发《龙阳县生态护林员选聘工作方案》的通知\n龙林发〔2024〕4号\n各乡镇：\n"
            "现将《龙阳县生态护林员选聘工作方案》印发给你们，请认真组织实施。\n附件：1．龙阳县生态护林员指标分配表\n"
            "　　　2．龙阳县生态护林员选聘申请表\n龙阳县林业局\n2024年2月20日\n" + PLAN.format(title="龙阳县生态护林员选聘工作方案"))
    [plan] = plans(text)
    assert plan["preamble"] == "为做好帮扶工作，制定本方案。" and (plan["issuer"], plan["date"]) == ("龙阳县林业局", "2024-02-20")
    assert plan["attachments"] == [{"title": "龙阳县生态护林员指标分配表"}, {"title": "龙阳县生态护林员选聘申请表"}]


def test_a_one_line_page_with_a_bracketed_font_size_switch_keeps_the_plan_after_it() -> None:
    text = ("首页 > 乡村振兴 > 产业发展 梅岗县猕猴桃产业帮扶实施方案 发布时间：2025-02-21 10:12 来源：梅岗县农业农村局 "
            "字号：[大 中 小] 为做大做强猕猴桃特色产业，巩固拓展脱贫攻坚成果，结合我县实际，制定本方案。 一、指导思想 坚持市场导向、"
            "科技支撑、联农带农，推动猕猴桃产业由种得多向卖得好转变。 二、工作要求 各乡镇要把产业帮扶作为巩固脱贫成果的重要抓手。 "
            "梅岗县农业农村局 2025年2月18日")
    plan, result = one_plan(text)
    assert plan["preamble"].startswith("为做大做强") and plan["guiding_thought"].startswith("坚持市场导向")
    assert (plan["issuer"], plan["date"]) == ("梅岗县农业农村局", "2025-02-18") and "字号：[大 中 小]" in result.dropped_text()


def test_a_line_as_long_as_a_pasted_page_is_never_left_out_whole() -> None:
    long_line = "分享到：微信 为做大做强猕猴桃特色产业，" + "推广优良品种，" * 20 + "制定本方案。"
    result = run("某县猕猴桃产业帮扶方案\n" + long_line + "\n一、指导思想\n坚持市场导向。\n")
    assert result.lost == [] and "推广优良品种" in result.plans[0][0]["preamble"]


def test_what_is_still_above_an_issuing_notice_is_left_out_and_listed() -> None:
    text = ("高桥镇卫生院村医工作群(23)\n\n龙院长 08:47\n@所有人 各位村医：文件已经下发，请认真学习。\n\n"
            "楠木县卫生健康局文件\n楠卫发〔2025〕6号\n楠木县卫生健康局关于印发《楠木县家庭医生签约行动方案》的通知\n"
            "各乡镇卫生院：\n现将《楠木县家庭医生签约行动方案》印发给你们，请认真贯彻执行。\n楠木县卫生健康局\n2025年3月3日\n\n"
            + PLAN.format(title="楠木县家庭医生签约行动方案"))
    plan, result = one_plan(text)
    assert plan["preamble"] == "为做好帮扶工作，制定本方案。" and plan["number"] == "楠卫发〔2025〕6号"
    assert "龙院长 08:47" in result.dropped_text()


@pytest.mark.parametrize("tail", [
    "镇综治办 刘红  09:43\n请各村书记收到后回复“收到”\n\n大湾村 李书记  09:50\n收到\n\n石板村 王建军  10:02\n收到👌\n",
    "李姐（高岭网点）\n收到👌\n\n向红\n收到，马上安排[抱拳]\n",
    "村医 谭光荣\n上午 9:03\n收到\n\n院办 黄小燕\n上午 9:20\n核对表晚点发群里，大家先按方案做准备\n",
    "刘桂花\n3月3日 上午9:10\n收到，我看了没问题[强]\n\n覃建军\n3月3日 上午9:26\n同意。建议把山塘清淤也写进去，其他没意见\n",
    "吴敏 2025/2/17 9:45:\n收到👌\n\n周丽萍 2025/2/17 9:48:\n[图片]\n暂定2月26号下午，在中心园三楼会议室，具体另行通知\n",

    "蒲秋菊：收到👌\n雷振宇：收到，图书装箱我这边安排\n易小芳：感谢中心校🙏 村小的孩子们有福了\n",
    "[3月12日 上午8:52]\n易芳：收到，我把各村村干部的联系方式整理一下发群里\n[3月12日 上午9:05]\n梁俊：收到👌\n",
    "                                  — 2 —\n\n【石桥店-周婷】收到\n【大坪店-罗燕】收到，已转发本店员工群\n",
    "[文件] 实习支教学生请假审批表.docx\n\n陈思彤：\n已阅+陈思彤\n汪立新老师（带队）：\n另外提醒大家，明天上午8点在学校东门集合。\n",
    "黄丽（桂花社区）：请大家对照方案抓好落实，每个网格下周一前把排查计划发给我。\n",
])
def test_replies_in_a_chat_after_the_plans_signature_are_left_out(tail: str) -> None:
    text = ("杨主任\n@所有人 方案转发给大家，请认真看一下。\n\n" + PLAN.format(title="梅岭市消费帮扶行动方案")
            + "\n梅岭市供销合作社\n2024年2月28日\n\n" + tail)
    plan, result = one_plan(text)
    assert (plan["title"], plan["issuer"], plan["date"]) == ("梅岭市消费帮扶行动方案", "梅岭市供销合作社", "2024-02-28")
    assert "sections" not in plan and "杨主任" in result.dropped_text()


def test_a_chat_groups_name_in_brackets_a_senders_call_and_a_news_pages_lead_above_the_plan() -> None:
    text = ("【青禾镇农技服务群】\n覃站长：@所有人 各村农技员：镇里的方案已经定稿，大家认真看一下🙏\n———————————\n"
            + PLAN.format(title="青禾镇秋冬种技术帮扶工作方案"))
    plan, _ = one_plan(text)
    assert (plan["title"], plan["preamble"]) == ("青禾镇秋冬种技术帮扶工作方案", "为做好帮扶工作，制定本方案。")
    lead = "近日，集团党委印发《某集团企村结对帮扶工作方案》，全文如下：\n" + PLAN.format(title="某集团企村结对帮扶工作方案")
    [(plan, _)] = run(lead).plans
    assert plan["preamble"] == "为做好帮扶工作，制定本方案。"


def test_a_pin_before_a_chats_title_and_a_member_list_ending_with_ji_and_a_group() -> None:
    text = ("【某医院 全院科主任群】\n医务科-聂小龙  3月4日 08:46\n@所有人 方案转发给大家🙏\n\n"
            + PLAN.format(title="📌某县中医医院送医进村帮扶方案").replace(
                "组长：王立新（县教育局局长）\n", "组长：王立新（县教育局局长）\n成员：医务科科长聂小龙、中药房主任裘志明及各临床科室主任\n"))
    plan, result = one_plan(text)
    assert plan["title"] == "某县中医医院送医进村帮扶方案"
    assert plan["leadership"]["members"][-1] == {"description": "各临床科室主任"} and result.lost == []


def test_a_date_above_a_request_to_reply_stays_the_signatures() -> None:
    text = PLAN.format(title="石门坎村油茶帮扶方案") + "\n石门坎村村民委员会\n2024.3.2\n\n收到请回复“收到”👌\n"
    [plan] = plans(text)
    assert (plan["issuer"], plan["date"]) == ("石门坎村村民委员会", "2024-03-02")


def test_chrome_above_the_first_of_several_plans_is_reported_as_left_out() -> None:
    text = ("帮扶工作方案范文（精选2篇）\n时间：2024-05-06 09:12:33　作者：佚名　阅读：1208次\n【篇一】\n"
            + PLAN.format(title="双河社区助餐帮扶方案") + "【篇二】\n" + PLAN.format(title="双河社区助浴帮扶方案"))
    result = run(text)
    raw = [Line(i + 1, t) for i, t in enumerate(text.splitlines())]
    assert len(result.plans) == 2 and "时间：2024-05-06 09:12:33　作者：佚名　阅读：1208次" in result.dropped_text()
    assert lost(raw, [d for d, _ in result.plans], result.dropped_text()) == []


def test_a_pages_time_and_source_line_its_spaced_print_links_and_where_you_are() -> None:
    text = ("某县人民政府 政府信息公开\n您所在的位置：首页 > 信息公开目录 > 县林业局\n时间：2024-03-14　　来源：本站　　【字体：大 中 小】\n"
            + PLAN.format(title="某县油茶帮扶方案") + "[ 打印 ]　[ 关闭 ]\n")
    plan, _ = one_plan(text)
    assert (plan["title"], plan["preamble"]) == ("某县油茶帮扶方案", "为做好帮扶工作，制定本方案。") and "sections" not in plan


def test_a_note_of_approval_under_the_title_a_font_switch_without_a_colon_and_a_chats_file_message() -> None:
    text = ("【字号 大 中 小】\n湘溪农商银行整村授信帮扶工作方案\n（2024年4月12日行党委会审议通过）\n"
            + PLAN.format(title="").split("\n", 1)[1] + "\n湘溪农村商业银行股份有限公司\n2024年4月15日\n\n"
            "[文件] 湘溪农商银行整村授信工作流程图.docx\n\n陈家坪村李明 3月5日 09:20\n收到👍\n")
    plan, result = one_plan(text)
    assert (plan["title"], plan["preamble"]) == ("湘溪农商银行整村授信帮扶工作方案", "为做好帮扶工作，制定本方案。")
    assert (plan["issuer"], plan["date"]) == ("湘溪农村商业银行股份有限公司", "2024-04-15") and "sections" not in plan
    assert {"【字号 大 中 小】", "[文件] 湘溪农商银行整村授信工作流程图.docx"} <= set(result.dropped_text())


def test_a_section_setting_up_the_group_in_prose_with_its_members_numbered_below() -> None:
    text = PLAN.format(title="某医院对口帮扶方案").replace(
        "二、领导小组\n组长：王立新（县教育局局长）\n",
        "二、组织管理\n医院成立对口帮扶工作领导小组，由院长钱卓然任组长，副院长宫立新任副组长，成员如下：\n"
        "1.韩冬青　医务部副主任\n2.汪　洋　心血管内科主任\n")
    [plan] = plans(text)
    assert plan["leadership"]["members"] == [{"name": "韩冬青", "title": "医务部副主任"},
                                             {"name": "汪洋", "title": "心血管内科主任"}]


def test_a_chat_forward_with_alarm_clock_bullets_a_supervisor_and_a_sticker_reply() -> None:
    text = ("梅岭镇寄递帮扶工作方案\n为帮助农户解决农产品寄递难题，制定本方案。\n一、领导小组：\n✅组长：龙建军（梅岭镇邮政支局局长）\n"
            "✅成员：吴小兰（梅岭镇邮政支局营业主管）\n二、时间安排：\n⏰3月10日前：完成寄递需求摸底，建立台账。\n"
            "⏰3月11日—4月30日：完成服务站设备配备。\n三、工作要求：各站长要每天及时收寄。\n梅岭镇邮政支局\n2025年3月3日\n\n"
            "杨秋菊  09:20\n收到，镇里全力配合👍\n[收到][收到]\n")
    [plan] = plans(text)
    assert (plan["issuer"], plan["date"]) == ("梅岭镇邮政支局", "2025-03-03")
    assert plan["leadership"]["members"] == [{"name": "吴小兰", "title": "营业主管", "org": "梅岭镇邮政支局"}]
    assert [(s["title"][:8], s.get("start"), s["end"]) for s in plan["steps"]] == [
        ("完成寄递需求摸底", None, "2025-03-10"), ("完成服务站设备配", "2025-03-11", "2025-04-30")]


def test_a_phase_ending_on_a_deadline_with_wancheng_loses_no_word() -> None:
    text = PLAN.format(title="某县2024年整村授信方案").replace(
        STEP_LINE, "（一）检查验收阶段：12月20日前完成。联社对各信用社进行检查验收。\n")
    result = run(text)
    assert result.lost == [] and result.plans[0][0]["steps"][0]["end"] == "2024-12-20"


@pytest.mark.parametrize("byline", ["2025-02-21　　禾川县气象局　　【大 中 小】　【打印】",
                                    "日期：2024-05-08　　来源：县农机服务中心　　【字体：大 中 小】"])
def test_a_pages_date_and_source_line_under_the_title(byline: str) -> None:
    [plan] = plans(PLAN.format(title="禾川县气象为农服务方案").replace("\n", f"\n{byline}\n", 1))
    assert plan["preamble"] == "为做好帮扶工作，制定本方案。"


def test_a_one_line_page_signed_before_its_unbracketed_print_links() -> None:
    text = ("石鼓岭镇中心学校营养改善计划实施方案 为做好学生营养改善工作，结合学校实际，制定本方案。　　一、指导思想　　坚持以学生为本，"
            "确保每一名学生吃得安全、吃得营养。　　二、工作要求　　各班班主任是本班营养改善计划工作的直接责任人，要严格按照本方案"
            "抓好落实，发现问题及时整改并向中心学校报告。　　石鼓岭镇中心学校　　2025年2月14日 打印本页　关闭窗口")
    [plan] = plans(text)
    assert (plan["issuer"], plan["date"]) == ("石鼓岭镇中心学校", "2025-02-14")


def test_a_plans_sentence_opening_with_shoudao_is_no_chat_reply() -> None:
    text = ("镇村医工作群(23)\n@所有人 方案转发给大家。\n" + PLAN.format(title="某镇家庭医生签约方案")
            + "收到申请后，卫生院要在5个工作日内完成审核。\n")
    result = run(text)
    assert "收到申请后" in result.plans[0][0]["requirements"] and "收到申请后，卫生院要在5个工作日内完成审核。" not in result.dropped_text()


def test_a_note_that_the_annexes_are_left_out_is_no_attachment() -> None:
    text = PLAN.format(title="某县帮扶方案") + "附件：1．企业包联名单\n2．企业走访台账（样表）\n（附件略）\n"
    [plan] = plans(text)
    assert plan["attachments"] == [{"title": "企业包联名单"}, {"title": "企业走访台账（样表）"}]


def test_a_pdf_copy_of_a_notice_and_its_plan_wrapped_at_a_fixed_width() -> None:
    text = ("某市烟草专卖局（公司）文件\n\n某烟〔2024〕15号\n\n某市烟草专卖局（公司）关于印发2024年烟区\n困难烟农结对帮扶实施方案的通知\n\n"
            "各县局（分公司），市局（公司）机关各部门：\n　　现将《某市烟草专卖局（公司）2024年烟区困难烟农\n"
            "结对帮扶实施方案》印发给你们，请认真贯彻执行。\n　　　　某市烟草专卖局（公司）\n　　　　2024年3月1日\n\n"
            "某市烟草专卖局（公司）2024年烟区困难烟农\n结对帮扶实施方案\n\n"
            "　　为深入推进烟区乡村振兴，帮助因病、因残、因灾导致\n生产生活困难的烟农稳定种烟、增加收入，根据省局（公司）\n"
            "关于做好烟区帮扶工作的有关要求，结合我市实际，制定本\n方案。\n　　一、指导思想\n　　坚持产业帮扶为主、生活帮扶为辅，把结对帮扶与\n"
            "烟叶生产技术服务紧密结合，推动困难烟农稳定增收。\n　　二、组织领导\n　　成立结对帮扶工作领导小组，由党组书记、局长（经理）\n"
            "杜文彬任组长，党组成员、副局长（副经理）钟海燕任副组\n长，烟叶科、财务科主要负责人为成员。\n")
    [plan] = plans(text)
    assert plan["title"] == "某市烟草专卖局（公司）2024年烟区困难烟农结对帮扶实施方案"  # the notice's 《》, not its bare words
    assert (plan["issuer"], plan["date"], plan["number"]) == ("某市烟草专卖局（公司）", "2024-03-01", "某烟〔2024〕15号")
    assert plan["preamble"].endswith("根据省局（公司）关于做好烟区帮扶工作的有关要求，结合我市实际，制定本方案。")
    group = plan["leadership"]
    assert group["leaders"] == [{"name": "杜文彬", "title": "党组书记、局长（经理）"}]
    assert group["deputies"] == [{"name": "钟海燕", "title": "党组成员、副局长（副经理）"}]


def test_a_pdf_copys_plan_title_wrapped_under_its_notice_and_its_items_cut_at_the_columns_width() -> None:
    text = ("临沅市第一人民医院文件\n临沅一医发〔2025〕8号\n临沅市第一人民医院关于印发对口帮扶白溪县\n中心医院胸痛中心建设实施方案的通知\n"
            "各科室、部门：\n现将《对口帮扶白溪县中心医院胸痛中心建设实施方案》印\n发给你们，请各相关科室高度重视，认真组织实施。\n"
            "临沅市第一人民医院\n2025年3月3日\n对口帮扶白溪县中心医院胸痛中心\n建设实施方案\n"
            "根据市卫生健康委对口帮扶工作安排，我院与白溪县中心医\n院建立紧密型对口帮扶关系，特制定本方案。帮扶期限为2025年3月至\n"
            "2026年2月。\n一、指导思想\n坚持以患者为中心、以提升能力为核心，通过人才下沉、技\n术输出、流程再造和质控同质化，带动县域救治水平提\n升。\n"
            "二、帮扶目标\n（一）受援医院胸痛中心于2025年9月底前通过国家基层胸\n痛中心认证。\n（二）受援医院能够独立开展冠状动脉造影。\n")
    plan, result = one_plan(text)
    assert (plan["title"], plan["issuer"], plan["date"]) == ("对口帮扶白溪县中心医院胸痛中心建设实施方案", "临沅市第一人民医院", "2025-03-03")
    assert plan["preamble"].startswith("根据市卫生健康委对口帮扶工作安排，我院与白溪县中心医院建立")
    assert plan["period"] == {"start": "2025-03", "end": "2026-02"}
    assert plan["objectives"][0] == "受援医院胸痛中心于2025年9月底前通过国家基层胸痛中心认证。"
    assert result.lost == []


def test_a_pages_heading_repeating_the_plans_title_above_the_notice_starts_no_plan() -> None:
    text = ("某县结对帮扶工作实施方案\n【字号：大 中 小】　【打印】\n某县教育局关于印发《某县结对帮扶工作实施方案》的通知\n"
            "某教发〔2024〕9号\n各学校：\n现将《某县结对帮扶工作实施方案》印发给你们，请认真落实。\n某县教育局\n2024年3月26日\n"
            + PLAN.format(title="某县结对帮扶工作实施方案"))
    [plan] = plans(text)
    assert (plan["title"], plan["number"], plan["issuer"]) == ("某县结对帮扶工作实施方案", "某教发〔2024〕9号", "某县教育局")
    assert plan["preamble"] == "为做好帮扶工作，制定本方案。"


def test_a_disclosure_block_with_each_value_under_its_label() -> None:
    block = "索引号：\n431102-CDJD-2024-00007\n发布机构：\n城东街道办事处\n生成日期：\n2024-02-28\n主题分类：\n劳动、人事、监察\n"
    plan, result = one_plan(block + PLAN.format(title="某街道就业帮扶行动实施方案"))
    assert plan["title"] == "某街道就业帮扶行动实施方案" and plan["preamble"] == "为做好帮扶工作，制定本方案。"
    assert "431102-CDJD-2024-00007" in result.dropped_text() and "劳动、人事、监察" in result.dropped_text()


def test_a_pages_heading_then_the_plans_number_and_title() -> None:
    text = "某县支公司印发2025年防贫保服务工作方案\n某财险支发〔2025〕2号\n" + PLAN.format(title="某财险县支公司2025年防贫保服务工作方案")
    [plan] = plans(text)
    assert (plan["title"], plan["number"]) == ("某财险县支公司2025年防贫保服务工作方案", "某财险支发〔2025〕2号")
    assert plan["preamble"] == "为做好帮扶工作，制定本方案。"


def test_a_pdf_copys_notice_title_wrapped_over_three_lines_inside_its_book_title_marks() -> None:
    text = ("梓江县住房和城乡建设局文件\n梓住建发〔2024〕17号\n梓江县住房和城乡建设局\n关于印发《梓江县2024年燃气企业结对帮扶\n"
            "瓶装液化石油气供应站安全提升工作方案》\n的通知\n各乡镇人民政府：\n现将《梓江县2024年燃气企业结对帮扶瓶装液化石油气供应\n"
            "站安全提升工作方案》印发给你们，请认真贯彻执行。\n梓江县住房和城乡建设局\n2024年6月12日\n"
            + PLAN.format(title="梓江县2024年燃气企业结对帮扶瓶装液化石油气供应站安全提升工作方案"))
    [(plan, _)] = run(text).plans
    assert (plan["title"], plan["number"]) == ("梓江县2024年燃气企业结对帮扶瓶装液化石油气供应站安全提升工作方案", "梓住建发〔2024〕17号")
    assert (plan["issuer"], plan["date"], plan["preamble"]) == ("梓江县住房和城乡建设局", "2024-06-12", "为做好帮扶工作，制定本方案。")


def test_a_step_opening_with_its_date_and_weekday_takes_its_title_from_the_words_after_them() -> None:
    text = PLAN.format(title="某园2024年园长跟岗方案").replace(
        STEP_LINE,
        "1、9月23日（周一）：报到、开班仪式。\n2、9月24日—9月26日：分组跟岗。\n3、9月27日（星期五）：交流分享。\n")
    plan, result = one_plan(text)
    assert _dated(plan) == [
        ("报到、开班仪式", "2024-09-23", None), ("分组跟岗", "2024-09-24", "2024-09-26"), ("交流分享", "2024-09-27", None)]
    assert result.lost == []


def test_a_member_written_post_first_before_and_a_group_is_read_and_not_kept_again_as_unplaced() -> None:
    line = "成员：普惠金融部总经理　谢小梅、综合管理部总经理　孙涛及各支行行长\n"
    plan, result = one_plan(PLAN.format(title="某银行金融帮扶方案").replace(GROUP_LINE, GROUP_LINE + line))
    assert plan["leadership"]["members"][1] == {"name": "孙涛", "title": "综合管理部总经理"}
    assert UNPLACED not in str(plan.get("sections")) and result.lost == []


def test_steps_of_a_plan_across_the_new_year_take_the_year_each_month_falls_in() -> None:
    text = PLAN.format(title="某县总工会2025年元旦春节送温暖活动方案").replace(
        "一、指导思想\n", "活动时间为2024年12月20日至2025年2月28日。\n一、指导思想\n").replace(
        STEP_LINE,
        "1．摸底申报：12月31日前，摸清困难职工情况。\n2．集中慰问：1月1日至1月25日，开展走访慰问。\n")
    plan, _ = one_plan(text)
    assert _dated(plan) == [
        ("摸底申报", None, "2024-12-31"), ("集中慰问", "2025-01-01", "2025-01-25")]


def test_a_pdf_copys_role_line_wrapped_at_the_columns_width_in_mid_name_is_joined() -> None:
    text = ("某镇2024年以工代赈工作方案\n为做好以工代赈工作，带动群众就近务工增收，\n结合我镇实际情况，经镇党委研究，特制定本\n方案。\n"
            "一、指导思想\n坚持就业优先，发挥以工代赈项目带动作用，\n让群众在家门口实现就业增收。\n二、组织领导\n"
            "组　长：周立平（镇党委副书记、镇长）\n成　员：彭勇（镇财政所所长）、龙光明（龙家\n垭村党支部书记）、杉树湾村党支部书记田建\n华\n"
            "三、工作要求\n各村要落实责任，按时完成各项任务。\n")
    plan, result = one_plan(text)
    assert plan["leadership"]["members"][-1] == {"name": "田建华", "title": "书记", "org": "杉树湾村党支部"}
    assert "body" not in plan["leadership"] and result.lost == []


def test_a_chat_plans_requirements_bulleted_with_emoji_and_the_senders_full_dates_after_the_signature() -> None:
    text = PLAN.format(title="某街道2024年独居老人巡访方案").replace(
        "四、工作要求\n要落实责任。\n",
        "四、工作要求\n‼️网格员要如实填写巡访记录，不得代签补签\n‼️注意保护老人隐私，巡访记录不得外传\n\n清河街道办事处\n2024年6月11日\n\n"
        "网格员-小刘 2024-06-12 09:25\n收到👌\n")
    plan, result = one_plan("清河街道网格员工作群(86)\n\n社区-周姐 2024-06-12 09:19\n" + text)
    assert plan["requirements"] == ["网格员要如实填写巡访记录，不得代签补签", "注意保护老人隐私，巡访记录不得外传"]
    assert (plan["issuer"], plan["date"]) == ("清河街道办事处", "2024-06-11") and result.lost == []


def test_a_plans_title_above_the_pages_time_line_and_breadcrumb_is_kept() -> None:
    body = PLAN.format(title="某县2024年电商服务站提质增效工作方案")
    title, rest = body.split("\n", 1)
    text = (f"某县人民政府门户网站\n{title}\n2024-04-08 16:20　　来源：县供销合作社联合社　　打印\n"
            f"您现在的位置：首页 > 政务公开 > 部门文件\n{rest}")
    plan, result = one_plan(text)
    assert (plan["title"], plan["preamble"]) == ("某县2024年电商服务站提质增效工作方案", "为做好帮扶工作，制定本方案。")
    assert "您现在的位置：首页 > 政务公开 > 部门文件" in result.dropped_text()


def test_a_sample_sites_related_articles_headed_by_the_title_in_brackets_after_the_signature_are_left_out() -> None:
    text = (PLAN.format(title="某县电信分公司2024年宽带进村帮扶工作方案") + "中国电信股份有限公司某县分公司\n2024年4月15日\n"
            "【电信公司宽带进村工作方案】相关文章：\n2024年通信公司网络建设工作方案\n乡镇数字乡村建设工作方案\n")
    plan, result = one_plan(text)
    assert (plan["issuer"], plan["date"]) == ("中国电信股份有限公司某县分公司", "2024-04-15")
    assert "乡镇数字乡村建设工作方案" in result.dropped_text() and result.lost == []


def test_a_chat_whose_sender_is_written_in_brackets_before_the_call_and_the_replies() -> None:
    text = ("【营运部-林敏】@所有人 公司的方案已经下发，各店长务必认真学习。\n\n" + PLAN.format(title="某药房2024年送药进村活动实施方案")
            + "\n某大药房连锁有限公司\n2024年4月28日\n\n【石桥店-周婷】收到\n【城北店-胡小军】收到👌\n")
    plan, result = one_plan(text)
    assert (plan["issuer"], plan["date"]) == ("某大药房连锁有限公司", "2024-04-28")
    assert "【石桥店-周婷】收到" in result.dropped_text() and result.lost == []


def test_a_coal_mines_own_posts_and_its_signature() -> None:
    line = "组　长：任宏伟（矿党委书记、矿长）\n副组长：武晓东（副矿长）\n"
    text = PLAN.format(title="龙泉煤矿2024年产业帮扶方案").replace(GROUP_LINE, line) + "晋峰煤业集团龙泉煤矿\n2024年2月28日\n"
    plan, result = one_plan(text)
    assert plan["leadership"]["leaders"] == [{"name": "任宏伟", "title": "党委书记、矿长"}]
    assert (plan["issuer"], plan["date"]) == ("晋峰煤业集团龙泉煤矿", "2024-02-28")
    assert UNPLACED not in str(plan.get("sections")) and result.lost == []


def test_a_chat_opened_by_a_sender_named_with_a_note_before_the_call() -> None:
    text = ("黄丽（桂花社区）：@所有人 各位网格员，街道的方案正式下发了，大家先看看。\n" + PLAN.format(title="某街道2025年平安建设行动方案")
            + "\n某街道办事处\n2025年2月24日\n黄丽（桂花社区）：请大家对照方案抓好落实。\n")
    plan, result = one_plan(text)
    assert (plan["issuer"], plan["date"]) == ("某街道办事处", "2025-02-24") and result.lost == []


def test_a_period_part_from_today_to_a_date_is_the_period_and_no_signature() -> None:
    text = PLAN.format(title="某镇2024年直播助农活动方案").replace(
        "一、指导思想\n", "一、活动时间\n即日起至2024年10月31日。\n二、指导思想\n") + "某镇人民政府\n2024年3月28日\n"
    plan, _ = one_plan(text)
    assert plan["period"] == {"start": "2024-03-28", "end": "2024-10-31"}
    assert (plan["issuer"], plan["date"]) == ("某镇人民政府", "2024-03-28") and "sections" not in plan


def test_steps_bulleted_with_a_triangle_are_read_and_not_kept_again_as_unplaced() -> None:
    text = PLAN.format(title="某县2024年安全生产月活动方案").replace(
        STEP_LINE,
        "▶动员部署（5月28日—5月31日）：各企业制定本单位活动方案\n▶总结提升（6月30日前）：各企业报送活动开展情况\n")
    plan, result = one_plan(text)
    assert _dated(plan) == [
        ("动员部署", "2024-05-28", "2024-05-31"), ("总结提升", None, "2024-06-30")]
    assert UNPLACED not in str(plan.get("sections")) and result.lost == []


def test_spaced_role_labels_run_into_the_posts_before_them_lose_no_sentence() -> None:
    group, lost_sentences = _group_written("某区2024年居家养老服务实施方案",
                                           "组　长：文国平　区民政局局长副组长：易春华　区民政局副局长成　员：伍丽娜　区民政局养老服务股股长\n")
    assert [p["name"] for p in group["leaders"] + group["deputies"] + group["members"]] == ["文国平", "易春华", "伍丽娜"]
    assert lost_sentences == []


def test_the_group_in_an_annex_the_text_refers_to_with_no_signature_between() -> None:
    text = PLAN.format(title="某县2024年农贸市场守护行动方案").replace(
        GROUP_LINE, "局里成立“守护行动”领导小组（成员名单见附件1）。\n") + (
        "附件1\n某县守护行动领导小组成员名单\n| 职务 | 姓名 | 单位及职务 |\n| --- | --- | --- |\n"
        "| 组长 | 舒国华 | 县市场监督管理局局长 |\n| 成员 | 龙海 | 县市场监督管理局食品经营监管股股长 |\n")
    plan, result = one_plan(text)
    group = plan["leadership"]
    assert group["leaders"] == [{"name": "舒国华", "title": "局长", "org": "县市场监督管理局"}]
    assert group["members"] == [{"name": "龙海", "title": "食品经营监管股股长", "org": "县市场监督管理局"}]
    assert UNPLACED not in str(plan.get("sections")) and result.lost == []


TIMETABLE = ("附件2\n某县守护行动进度安排表\n| 阶段 | 时间 | 主要工作 | 责任单位 |\n| --- | --- | --- | --- |\n"
             "| 宣传动员 | 4月10日—4月25日 | 召开座谈会 | 各市场监管所 |\n| 督查验收 | 9月 | 督查验收 | 领导小组办公室 |\n")


def test_the_steps_in_an_annex_the_steps_part_refers_to_are_the_plans_steps() -> None:
    text = PLAN.format(title="某县2024年农贸市场守护行动方案").replace(
        STEP_LINE, "守护行动分两个阶段进行，具体时间和任务见附件2。\n") + TIMETABLE
    plan, result = one_plan(text)
    assert _dated(plan) == [("宣传动员", "2024-04-10", "2024-04-25"), ("督查验收", "2024-09", None)]
    assert {"title": "某县守护行动进度安排表"} in plan["attachments"]
    assert "见附件2" in str(plan["sections"]) and "座谈会" not in plan["requirements"]
    assert UNPLACED not in str(plan.get("sections")) and result.lost == []


def test_an_annexed_timetable_stays_an_annex_when_the_plan_dates_its_own_steps() -> None:
    text = PLAN.format(title="某县2024年农贸市场守护行动方案").replace(
        STEP_LINE, STEP_LINE + "各阶段的具体任务见附件2。\n") + TIMETABLE
    plan, result = one_plan(text)
    assert _dated(plan)[0] == ("动员", "2024-03-01", "2024-03-15") and "宣传动员" not in str(plan["steps"])
    assert "座谈会" in str(plan["sections"]) and "座谈会" not in plan["requirements"]
    assert result.lost == []


def test_a_pdf_copys_sentence_wrapped_before_the_groups_name_and_its_colon() -> None:
    text = ("某镇2024年冬春农田水利建设方案\n为做好冬春农田水利建设工作，结合我镇实际情况，特制定本\n方案，请各村认真抓好落实。\n"
            "一、组织领导\n为加强对冬春农田水利建设工作的领导，镇里成立冬春农田水利\n建设工作领导小组：\n组  长：刘卫东  镇党委书记\n"
            "成  员：李国强  镇水利站站长\n二、工作要求\n各村要落实责任，按时完成各项任务。\n")
    plan, result = one_plan(text)
    assert [p["name"] for p in plan["leadership"]["leaders"] + plan["leadership"]["members"]] == ["刘卫东", "李国强"]
    assert "sections" not in plan and result.lost == []


def test_an_item_titled_with_the_time_of_the_work_gives_the_period() -> None:
    text = PLAN.format(title="某校结对帮扶乡村幼儿园工作方案").replace(
        "一、指导思想\n", "一、帮扶对象及时间\n（一）帮扶对象。白鹭镇中心幼儿园。\n（二）帮扶时间。2024年9月至2025年7月。\n二、指导思想\n")
    [plan] = plans(text)
    assert plan["period"] == {"start": "2024-09", "end": "2025-07"}


def test_a_period_part_takes_the_sentence_saying_when_the_work_runs_not_another_year_beside_it() -> None:
    text = PLAN.format(title="某街道老旧小区改造方案").replace("一、指导思想\n", (
        "一、改造范围和时间\n（一）改造范围。辖区内2000年底前建成的住宅小区，共计12个。\n"
        "（二）改造时间。改造工作自2024年4月开始，至2024年11月底基本完成。\n二、指导思想\n"))
    [plan] = plans(text)
    assert plan["period"] == {"start": "2024-04", "end": "2024-11"}


def test_a_chats_title_in_brackets_under_its_sender_and_a_sites_breadcrumb_with_angle_quotes() -> None:
    chat = "校长群（23）\n周经理-移动营业部 09:13\n【某公司2024年秋季数字教育帮扶方案】\n\n" + PLAN.format(title="").lstrip("\n")
    [plan] = plans(chat)
    assert plan["title"] == "某公司2024年秋季数字教育帮扶方案"
    page = "桃溪镇人民政府\n首页 › 乡村振兴 › 村务公开\n" + PLAN.format(title="桃溪镇柿子坪村民宿帮扶方案（2024—2025年）")
    [plan] = plans(page)
    assert plan["title"] == "桃溪镇柿子坪村民宿帮扶方案（2024—2025年）" and plan["preamble"] == "为做好帮扶工作，制定本方案。"


def test_a_short_line_saying_when_the_work_runs_under_the_opening_gives_the_period() -> None:
    text = PLAN.format(title="某镇2024年暑期关爱服务方案").replace(
        "为做好帮扶工作，制定本方案。\n", "为做好帮扶工作，制定本方案。\n本次关爱服务从2024年6月开始，至9月结束。\n")
    plan, result = one_plan(text)
    assert plan["period"] == {"start": "2024-06", "end": "2024-09"}
    assert "未命名部分" not in str(plan.get("sections")) and result.lost == []


def test_a_pages_time_line_with_its_issuer_and_reads_is_chrome() -> None:
    line = "时间：2024-02-28　　发布单位：石牛村村民委员会　　阅读：389次　　【打印】【关闭】"
    plan, result = one_plan("某村黄牛养殖帮扶方案\n" + line + "\n" + PLAN.format(title="").lstrip("\n"))
    assert plan["preamble"] == "为做好帮扶工作，制定本方案。" and line in result.dropped_text()


def test_a_chats_keycap_steps_and_warning_bullets_keep_their_lines_and_the_signature_after_them() -> None:
    text = ("秋季研学群（23）\n周敏 10月8日 上午9:15\n@所有人 方案定稿了\n某旅行社2024年秋季研学帮扶方案\n为做好研学帮扶，制定本方案。\n"
            "一、活动安排\n1️⃣ 10月8日—10月11日  行前准备：确认学生名单和保险\n3️⃣ 11月15日前  总结：收齐研学手账，发公众号推文\n"
            "二、注意事项\n⚠️每车配导师2名，上下车必须清点人数，点名表拍照发群\n⚠️不得安排学生自由活动，全程不得离开导师视线\n"
            "某旅行社有限公司\n2024年10月8日\n")
    plan, result = one_plan(text)
    assert (plan["issuer"], plan["date"]) == ("某旅行社有限公司", "2024-10-08")
    assert [(s.get("start"), s.get("end")) for s in plan["steps"]] == [("2024-10-08", "2024-10-11"), (None, "2024-11-15")]
    assert result.lost == []


def test_a_step_open_at_its_end_after_a_date_loses_nothing() -> None:
    plan, result = one_plan(PLAN.format(title="某街道2024年夜市整治方案").replace(STEP_LINE, "第三阶段：常态管理（6月1日以后）。推行门前三包责任制。\n"))
    assert _dated(plan) == [("第三阶段：常态管理", "2024-06-01", None)]
    assert UNPLACED not in str(plan.get("sections")) and result.lost == []


def test_a_chat_senders_name_above_the_next_plan_it_sends_is_left_out() -> None:
    first = PLAN.format(title="【方案一】\n某镇2025年稻虾技术服务方案") + "某镇农业综合服务中心\n2025年3月5日\n\n付志远-镇农技站：\n"
    text = "种养户交流群(236)\n付志远-镇农技站：\n" + first + PLAN.format(title="【方案二】\n某镇2025年小龙虾产销对接方案")
    result = run(text)
    assert [p["title"] for p, _ in result.plans] == ["某镇2025年稻虾技术服务方案", "某镇2025年小龙虾产销对接方案"]
    assert (result.plans[0][0]["issuer"], result.plans[0][0]["date"]) == ("某镇农业综合服务中心", "2025-03-05")
    assert result.lost == []


def test_a_heading_naming_the_purpose_of_the_work_is_the_objectives() -> None:
    text = PLAN.format(title="某县农业普查方案").replace("一、指导思想\n", "一、普查目的\n全面摸清全县农业经营户底数。\n二、指导思想\n")
    [plan] = plans(text)
    assert plan["objectives"] == "全面摸清全县农业经营户底数。"


def test_a_one_line_page_opening_with_where_you_are_keeps_its_title_and_its_glued_font_switch_loses_nothing() -> None:
    body = ("为做好帮扶工作，根据上级部署，结合本镇实际，制定本方案。一、指导思想 坚持精准帮扶，注重实效。二、领导小组 组长：王立新（镇长） "
            "三、实施步骤 （一）动员（2024年3月1日至3月15日）：召开会议。四、工作要求 要落实责任。")
    text = ("您当前的位置：首页 > 镇务公开 > 工作计划 某镇2024年互助养老帮扶工作方案 发布时间：2024-05-08 16:42 "
            "来源：某镇社会事务综合服务中心 字号：大 中 小" + body)
    plan, result = one_plan(text)
    assert plan["title"] == "某镇2024年互助养老帮扶工作方案" and plan["preamble"].startswith("为做好帮扶工作")
    assert result.lost == []


def test_an_approval_note_after_the_signature_leaves_the_signature_read() -> None:
    text = PLAN.format(title="某村2024年菌菇产业帮扶方案") + "石岭村村民委员会\n2024年3月2日\n\n（本方案经2024年2月28日石岭村村民代表会议讨论通过）\n"
    plan, result = one_plan(text)
    assert (plan["issuer"], plan["date"]) == ("石岭村村民委员会", "2024-03-02") and plan["requirements"] == "要落实责任。"
    assert "（本方案经2024年2月28日石岭村村民代表会议讨论通过）" in result.dropped_text()


def test_attachments_numbered_on_lines_of_their_own_under_a_bare_label() -> None:
    [plan] = plans(PLAN.format(title="某县营养午餐帮扶方案") + "某县教育局\n2024年8月22日\n附件：\n1．营养午餐带量食谱（参考）\n2．食堂负责人陪餐记录表\n")
    titles = [a["title"] if isinstance(a, dict) else a for a in plan["attachments"]]
    assert titles == ["营养午餐带量食谱（参考）", "食堂负责人陪餐记录表"]


def test_the_general_requirements_saying_when_the_work_runs_give_the_period() -> None:
    text = PLAN.format(title="某县健康帮扶行动方案").replace("坚持精准帮扶。\n", "坚持精准帮扶。本行动实施时间为2024年4月至12月。\n")
    [plan] = plans(text)
    assert plan["period"] == {"start": "2024-04", "end": "2024-12"}


def test_a_steps_time_line_with_a_note_on_the_day_in_brackets() -> None:
    steps = "（一）“闹元宵·猜灯谜”游园会\n时间：2月24日（正月十五）\n地点：枫林文化广场\n"
    [plan] = plans(PLAN.format(title="某街道2024年群众文体活动方案").replace(STEP_LINE, steps))
    assert _dated(plan)[0][1:] == ("2024-02-24", None)


def test_a_heading_naming_the_time_and_the_steps_is_the_steps() -> None:
    text = PLAN.format(title="某公司2024年村镇供水帮扶方案").replace("三、实施步骤\n", "三、实施时间和步骤\n")
    plan, _ = one_plan(text)
    assert _dated(plan) == [("动员", "2024-03-01", "2024-03-15")]


def test_a_chats_numbered_steps_with_a_stray_space_before_the_mark() -> None:
    text = PLAN.format(title="某村2025年光伏电站运维方案").replace(
        STEP_LINE,
        "1 、6月10日前   完成电站设备清查 ，拍照建档\n2 、6月11日—6月30日   组件清洗 、清除杂草\n")
    plan, _ = one_plan(text)
    assert [(s.get("start"), s.get("end")) for s in plan["steps"]] == [(None, "2025-06-10"), ("2025-06-11", "2025-06-30")]
