"""Dates in imported steps, periods and closing lines: every written form, year from context."""

from __future__ import annotations

import pytest

from plangen.importer import Options, convert
from plangen.importer.cleaning import Line
from plangen.importer.datespans import Years, closing_fields, period_from
from plangen.importer.splitting import compile_split
from plangen.importer.steps import step_from
from plangen.importer.stepsets import steps_from_paragraphs
from plangen.wording import Wording


@pytest.mark.parametrize("head, start, end", [
    ("宣传动员阶段(2016年9月1日至2016年9月10日)", "2016-09-01", "2016-09-10"),
    ("宣传动员阶段(2016.9.1-2016.9.10)", "2016-09-01", "2016-09-10"),
    ("宣传动员阶段(2016-09-01~2016-09-10)", "2016-09-01", "2016-09-10"),
    ("宣传动员阶段(9月1日—9月10日)", "2016-09-01", "2016-09-10"),
    ("宣传动员阶段(9月1日至10日)", "2016-09-01", "2016-09-10"),
    ("总结阶段(11月至次年1月)", "2016-11", "2017-01"),
])
def test_step_dates(head: str, start: str, end: str) -> None:
    warnings: list[Wording] = []
    step = step_from(head, ["召开动员会。"], 3, Years(2016), warnings)
    assert (step["title"], step["start"], step["end"]) == (head.split("阶段")[0] + "阶段", start, end)
    assert step["body"] == "召开动员会。" and warnings == []


def test_year_carried_from_context() -> None:
    years = Years(None)
    years.see("1.2017年上半年:")
    step = step_from("(1)5月14日,语文课例研修。", [], 9, years, [])
    assert step["start"] == "2017-05-14"


def test_no_year_anywhere_leaves_the_date_in_the_title_and_warns() -> None:
    warnings: list[Wording] = []
    step = step_from("宣传动员阶段(5月5日至5月10日)", [], 7, Years(None), warnings)
    assert "start" not in step and step["title"] == "宣传动员阶段(5月5日至5月10日)"
    assert len(warnings) == 2 and "line 7" in warnings[0].message and "no year" in warnings[0].message


def test_placeholder_dates_are_kept_as_written() -> None:
    step = step_from("20xx年10月13日,工作队走访贫困户。", [], 1, Years(None), [])
    assert step["start"] == "20xx年10月13日"


def test_dated_paragraphs_each_start_a_step() -> None:
    lines = [Line(1, "2016年2月25日,老师来到幼儿园。"), Line(2, "大家积极参与。"), Line(3, "3月2日,园长参加动员会。")]
    steps = steps_from_paragraphs(lines, Years(None), [])
    assert [s.get("start") for s in steps] == ["2016-02-25", "2016-03-02"]
    assert steps[0]["body"].endswith("大家积极参与。")


def test_period_forms() -> None:
    assert period_from("2007年1月—2007年12月。", Years(None), [], 1) == {"start": "2007-01", "end": "2007-12"}
    assert period_from("xxxx年5月至20xx年5月。", Years(None), [], 1) == {"start": "xxxx年5月", "end": "20xx年5月"}


@pytest.mark.parametrize("closing, issuer, date", [
    (["南阳市第七小学", "2009年3月"], "南阳市第七小学", "2009-03"),
    (["南阳市第七小学2009年3月。"], "南阳市第七小学", "2009-03"),
    (["五井小学2016.9.4。"], "五井小学", "2016-09-04"),
    (["五井小学", "2016-09-04"], "五井小学", "2016-09-04"),
    (["xx小学", "20xx年9月"], "xx小学", "20xx年9月"),
])
def test_issuer_and_date_from_closing_lines(closing: list[str], issuer: str, date: str) -> None:
    got = closing_fields([Line(i + 1, t) for i, t in enumerate(closing)], [])
    assert got == {"issuer": issuer, "date": date}


def test_unreadable_closing_date_is_reported_not_used() -> None:
    warnings: list[Wording] = []
    assert closing_fields([Line(40, "五井小学2016.94。")], warnings) == {"issuer": "五井小学"}
    assert "line 40" in warnings[0].message and "2016.94" in warnings[0].message


@pytest.mark.parametrize("body, owner", [
    ("对低保户发放款物。此项工作由区民政局、财政局负责。", "区民政局、财政局"),
    ("召开动员会。\n\n责任单位：教导处", "教导处"),
    ("召开动员会，各单位负责落实。", None),
])
def test_step_owner(body: str, owner: str | None) -> None:
    step = step_from("宣传动员阶段", [body], 1, Years(2016), [])
    assert step.get("owner") == owner


@pytest.mark.parametrize("head, body, start, end", [
    ("动员部署阶段：二〇二四年三月一日至三月十五日。制定排班表。", [], "2024-03-01", "2024-03-15"),
    ("巡回义诊阶段", ["二〇二四年三月十六日至十月三十一日。各医院组建医疗队。"], "2024-03-16", "2024-10-31"),
    ("长效管护阶段", ["从11月起，各村建立保洁员队伍。"], "2024-11", None),
    ("产品摸底。截至2024年3月20日，摸清全村可售农产品。", [], None, "2024-03-20"),
    ("第二季度至第三季度：组织劳务输出。", [], "2024-04", "2024-09"),
])
def test_chinese_numerals_a_start_with_qi_a_deadline_after_jiezhi_and_a_range_of_quarters(
        head: str, body: list[str], start: str | None, end: str | None) -> None:
    step = step_from(head, body, 4, Years(2024), [])
    assert (step.get("start"), step.get("end")) == (start, end)
    assert not any(c.isdigit() for c in step["title"])


def test_a_ten_day_period_opening_the_text_keeps_its_words() -> None:
    step = step_from("（三）总结评估。2024年12月中旬，总结帮扶成效。", [], 4, Years(None), [])
    assert (step["title"], step["start"]) == ("（三）总结评估", "2024-12")
    assert "中旬" in step["body"] and "总结帮扶成效" in step["body"]


@pytest.mark.parametrize("head, start, end", [
    ("风险消除评估（2024年底前）", None, "2024-12"),
    ("组织验收（5月1日至月底）", "2024-05-01", "2024-05"),
    ("巩固提升（2024年3月至年底）", "2024-03", "2024-12"),
])
def test_the_end_of_a_year_or_of_the_month_begun(head: str, start: str | None, end: str) -> None:
    step = step_from(head, [], 2, Years(2024), [])
    assert (step["title"], step.get("start"), step.get("end")) == (head.split("（")[0], start, end)


def test_a_phase_label_takes_the_short_name_after_it() -> None:
    bracketed = step_from("第一阶段（3月1日—3月20日）：摸清底数。各村逐一登记。", [], 1, Years(2024), [])
    over = step_from("第二阶段", ["（3月21日—11月30日）：结对关爱。干部与儿童结成对子。"], 2, Years(2024), [])
    clause = step_from("第一步，摸底排查，3月15日前完成；", [], 3, Years(2024), [])
    assert (bracketed["title"], bracketed["body"]) == ("第一阶段：摸清底数", "各村逐一登记。")
    assert (over["title"], over["start"], over["body"]) == ("第二阶段：结对关爱", "2024-03-21", "干部与儿童结成对子。")
    assert (clause["title"], clause["end"]) == ("第一步，摸底排查", "2024-03-15")


def test_a_closing_bracket_of_labels_dates_the_task_and_names_its_owner() -> None:
    deadline = step_from("（一）开展需求调研", ["摸清薄弱环节。（责任单位：各结对学校；完成时限：2024年3月底前）"], 1, Years(None), [])
    months = step_from("落实帮扶举措", ["每学期送教4次。（牵头单位：县教育局；时间节点：2024年4月至12月）。"], 2, Years(None), [])
    assert (deadline.get("start"), deadline["end"], deadline["owner"]) == (None, "2024-03", "各结对学校")
    assert (months["start"], months["end"], months["owner"]) == ("2024-04", "2024-12", "县教育局")
    assert deadline["body"].endswith("完成时限：2024年3月底前）")


def test_weekdays_between_the_dates_of_a_range_are_read_through() -> None:
    step = step_from("集中帮扶", ["时间：4月8日（星期一）至10月31日（周四）。组织招聘会。"], 1, Years(2024), [])
    assert (step["start"], step["end"]) == ("2024-04-08", "2024-10-31")


def test_a_deadline_followed_by_wancheng_under_the_phase_heading() -> None:
    step = step_from("第三阶段：总结提升", ["11月底前完成。总结推广经验。"], 1, Years(2024), [])
    assert (step["title"], step.get("start"), step["end"]) == ("第三阶段：总结提升", None, "2024-11")


@pytest.mark.parametrize("head, body, start, end", [
    ("调研阶段", ["全面摸排情况。", "完成时限：2024年3月15日前。"], None, "2024-03-15"),
    ("调研阶段", ["全面摸排情况。", "责任单位：各乡镇；完成时限：2024年3月15日前"], None, "2024-03-15"),
    ("调研阶段", ["全面摸排。本阶段于2024年3月15日前结束。"], None, "2024-03-15"),
    ("调研阶段", ["全面摸排情况，建立台账。（2024年3月15日前）"], None, "2024-03-15"),
    ("调研阶段", ["本阶段从2024年3月1日持续到3月15日，全面摸排。"], "2024-03-01", "2024-03-15"),
    ("调研阶段——2024年3月1日至15日", [], "2024-03-01", "2024-03-15"),
    ("调研阶段（时间：2024年3月1日—3月15日）", [], "2024-03-01", "2024-03-15"),
    ("调研阶段（2024年3月1日至3月15日，共15天）", [], "2024-03-01", "2024-03-15"),
    ("调研阶段", ["3月15日前完成全面摸排和台账建立。"], None, "2024-03-15"),
    ("调研阶段", ["2024年3月15日前完成全面摸排，同步建立台账。"], None, "2024-03-15"),
])
def test_wherever_the_date_of_a_phase_sits(head: str, body: list[str], start: str | None, end: str) -> None:
    step = step_from(head, body, 1, Years(2024), [])
    assert (step["title"], step.get("start"), step.get("end")) == ("调研阶段", start, end)
    kept = step["title"] + step.get("body", "")
    assert all(w in kept for w in ("摸排", "共15天") if w in head + "".join(body))


def test_a_phase_from_jiri_starts_on_the_plans_date_and_none_is_made_up_without_one() -> None:
    dated = step_from("部署启动阶段（即日起至3月20日）", [], 1, Years(2024, "2024-03-08"), [])
    undated = step_from("部署启动阶段（即日起至3月20日）", [], 1, Years(2024), [])
    assert (dated["title"], dated["start"], dated["end"]) == ("部署启动阶段", "2024-03-08", "2024-03-20")
    assert (undated["title"], undated.get("start"), undated["end"]) == ("部署启动阶段", None, "2024-03-20")


@pytest.mark.parametrize("head, start, end", [
    ("三月份：两校召开对接会", "2024-03", None),
    ("五月至六月：接收教师跟岗学习", "2024-05", "2024-06"),
    ("三至四月，开展送教", "2024-03", "2024-04"),
    ("七月上旬，总结帮扶工作", "2024-07", None),
])
def test_months_in_chinese_numerals_opening_a_step(head: str, start: str, end: str | None) -> None:
    step = step_from(head, [], 1, Years(2024), [])
    assert (step.get("start"), step.get("end")) == (start, end)
    assert not any(c in step["title"] for c in "月份")


def test_a_month_in_words_inside_a_sentence_is_no_date() -> None:
    step = step_from("阳春三月，组织植树", [], 1, Years(2024), [])
    assert "start" not in step and "end" not in step


def test_quarters_written_without_di() -> None:
    one = step_from("一季度：开展大走访", [], 1, Years(2024), [])
    two = step_from("三季度至四季度：开展信用评定", [], 2, Years(2024), [])
    assert (one["title"], one["start"], one["end"]) == ("开展大走访", "2024-01", "2024-03")
    assert (two["start"], two["end"]) == ("2024-07", "2024-12")


def test_compact_dates_and_weeks_of_a_month() -> None:
    compact = step_from("排查阶段（20240301—20240320）", [], 1, Years(None), [])
    weeks = step_from("验收阶段（9月第1—2周）", [], 2, Years(2024), [])
    assert (compact["title"], compact["start"], compact["end"]) == ("排查阶段", "2024-03-01", "2024-03-20")
    assert (weeks["title"], weeks["start"], weeks["body"]) == ("验收阶段", "2024-09", "时间：9月第1—2周")


@pytest.mark.parametrize("head, start, end, kept", [
    ("调研阶段（3月1日-3月15日期间）", "2024-03-01", "2024-03-15", "期间"),
    ("调研阶段（3月1日至3月15日左右）", "2024-03-01", "2024-03-15", "左右"),
    ("调研阶段（约2周，3月1日开始）", "2024-03-01", None, "约2周"),
    ("调研阶段（3月15日完成）", None, "2024-03-15", ""),
    ("调研阶段（春节后至3月底）", None, "2024-03", "春节后"),
    ("2024年3月1日至3月15日为调研阶段", "2024-03-01", "2024-03-15", ""),
])
def test_words_beside_the_dates_leave_the_title_and_stay_in_the_body(head: str, start: str | None, end: str | None,
                                                                     kept: str) -> None:
    step = step_from(head, [], 1, Years(2024), [])
    assert (step["title"], step.get("start"), step.get("end")) == ("调研阶段", start, end)
    assert kept in step.get("body", "")


def test_paragraphs_named_then_dated_each_start_a_step() -> None:
    lines = [Line(1, "选派阶段：2024年3月上中旬，各银行选派村官。"), Line(2, "每村1名。"),
             Line(3, "驻村阶段：2024年3月下旬至12月上旬，村官每月驻村4天。")]
    steps = steps_from_paragraphs(lines, Years(None), [])
    assert [(s["title"], s.get("start"), s.get("end")) for s in steps] == [
        ("选派阶段", "2024-03", None), ("驻村阶段", "2024-03", "2024-12")]
    assert steps[0]["body"].endswith("每村1名。")


_ACTIVITY = ("青山镇2024年春季助学帮扶活动方案\n为帮助困难家庭学生顺利完成学业，制定本方案。\n一、指导思想\n坚持精准资助。\n"
             "二、活动安排\n{body}\n三、工作要求\n各村要按时完成各项任务。\n")


def _imported(body: str) -> dict:
    [(plan, _)] = convert(_ACTIVITY.format(body=body), "a.txt", Options(compile_split(None))).plans
    return plan


def test_a_time_line_opening_a_part_gives_the_period_and_the_part_keeps_its_dated_items() -> None:
    plan = _imported("活动时间：2024年3月1日至6月30日。\n1．摸底调查（3月1日—3月15日）：走访困难家庭学生。\n"
                     "2．结对资助（3月16日—5月31日）：组织干部与学生结对。")
    assert plan["period"] == {"start": "2024-03-01", "end": "2024-06-30"}
    assert [(s["title"], s["start"], s["end"]) for s in plan["steps"]] == [
        ("摸底调查", "2024-03-01", "2024-03-15"), ("结对资助", "2024-03-16", "2024-05-31")]
    assert "sections" not in plan


def test_a_time_line_under_a_step_dates_that_step() -> None:
    plan = _imported("（一）摸底调查阶段\n实施时间：2024年3月1日至3月15日。\n走访困难家庭学生。\n"
                     "（二）结对资助阶段\n实施时间：2024年3月16日至5月31日。\n组织干部与学生结对。")
    assert [(s["title"], s["start"], s["end"]) for s in plan["steps"]] == [
        ("摸底调查阶段", "2024-03-01", "2024-03-15"), ("结对资助阶段", "2024-03-16", "2024-05-31")]
    assert "sections" not in plan and "走访困难家庭学生。" in plan["steps"][0]["body"]


def test_a_yearless_start_before_an_end_in_the_next_year_is_read_in_the_year_in_force() -> None:
    years = Years(2024)
    step = step_from("支教实施（9月1日—2025年1月17日）", ["到受援学校报到任教。"], 3, years, [])
    assert (step["start"], step["end"]) == ("2024-09-01", "2025-01-17")
    assert step_from("考核总结（1月）", [], 4, years, [])["start"] == "2025-01"


def test_a_time_sentence_in_the_objectives_gives_the_period() -> None:
    text = ("某院残疾人康复帮扶方案\n为推进康复服务向基层延伸，特制定本方案。\n一、工作目标\n全年服务重度残疾人不少于500名。"
            "本次帮扶活动时间为2024年3月至12月。\n二、工作要求\n要落实责任。\n")
    [(plan, _)] = convert(text, "a.txt", Options(compile_split(None))).plans
    assert plan["period"] == {"start": "2024-03", "end": "2024-12"}
    assert plan["objectives"].endswith("本次帮扶活动时间为2024年3月至12月。")


def test_a_year_spoken_of_is_not_the_year_in_force() -> None:
    years = Years(2025)
    step_from("收益核算：3月10日前，核定各村2024年度光伏电站发电收益。", [], 1, years, [])
    assert step_from("方案制定：3月11日至3月31日", [], 2, years, [])["start"] == "2025-03-11"
    years.see("重点帮扶村居民健康素养水平较2024年提高3个百分点以上。")
    assert step_from("巡回讲座：4月至10月", [], 3, years, [])["start"] == "2025-04"


@pytest.mark.parametrize("head, start", [("宣传报名阶段（8月26日—8月31日）", "2024-08-26"),
                                         ("总结阶段（3月）", "2025-03"), ("实施阶段（10月）", "2024-10")])
def test_a_month_outside_a_span_across_the_new_year_takes_the_year_of_the_nearer_end(head: str, start: str) -> None:
    years = Years(2024)
    years.see("本学期课后服务自2024年9月2日起至2025年1月17日止。")
    assert step_from(head, [], 1, years, [])["start"] == start


@pytest.mark.parametrize("text, year", [
    ("通过核查，2024年专项核查发现的问题整改销号率达到100%", 2025), ("对照2024年专项核查问题清单逐条复查", 2025),
    ("2024年底前完成", 2024), ("2024年3月至6月", 2024), ("（2024年）", 2024), ("2024年第三季度", 2024),
])
def test_only_a_year_a_date_is_written_in_is_the_year_in_force(text: str, year: int) -> None:
    years = Years(2025)
    years.see(text)
    assert years.current == year


def test_steps_without_a_year_are_in_the_year_the_title_names_not_the_last_year_spoken_of() -> None:
    text = ("某县2024年高标准农田建设方案\n一、指导思想\n坚持质量第一。\n二、建设期限\n项目建设期限为2024年4月至2024年12月，"
            "2025年3月底前完成竣工验收。\n三、实施步骤\n（一）前期准备阶段（4月15日前）。完成设计。\n"
            "（二）组织施工阶段（5月下旬—11月）。组织施工。\n四、工作要求\n要落实责任。\n")
    [(plan, _)] = convert(text, "a.txt", Options(compile_split(None))).plans
    assert [(s["title"], s.get("start"), s.get("end")) for s in plan["steps"]] == [
        ("前期准备阶段", None, "2024-04-15"), ("组织施工阶段", "2024-05", "2024-11")]
