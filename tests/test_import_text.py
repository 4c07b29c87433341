"""Pasted text: lost line breaks, plan boundaries, page chrome, the wrapper, dates, nothing lost silently."""

from __future__ import annotations

from typing import Any

from plangen.importer import Converted, Options, convert
from plangen.importer.cleaning import Line
from plangen.importer.fidelity import lost
from plangen.importer.splitting import compile_split
from plangen.importer.unflatten import split_line


def run(text: str) -> Converted:
    return convert(text, "a.txt", Options(compile_split(None)))


def plans(text: str) -> list[dict[str, Any]]:
    return [d for d, _ in run(text).plans]


PLAN = ("{title}\n为做好帮扶工作，制定本方案。\n一、指导思想\n坚持精准帮扶。\n二、领导小组\n组长：王立新（县教育局局长）\n"
        "三、实施步骤\n（一）动员（2024年3月1日至3月15日）：召开会议。\n四、工作要求\n要落实责任。\n")


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


def test_every_kind_of_plan_boundary_splits() -> None:
    first, second = PLAN.format(title="甲村帮扶方案"), PLAN.format(title="乙村帮扶方案")
    for joined in (first + "------------\n" + second, first + "某县教育局\n2024年2月1日\n" + second,
                   "【甲村帮扶方案】\n" + first.split("\n", 1)[1] + "【乙村帮扶方案】\n" + second.split("\n", 1)[1],
                   PLAN.format(title="某村帮扶方案（一）") + PLAN.format(title="某村帮扶方案（二）")):
        assert len(plans(joined)) == 2, joined
    assert len(plans(first + second)) == 1  # a title line right after the text of a plan, without any sign: one plan


def test_page_chrome_is_removed_and_each_line_listed_and_the_title_found_in_the_text() -> None:
    text = "某县人民政府门户网站\n发布时间：2024-04-08 09:32:15  来源：县教育局\n" + PLAN.format(title="某县帮扶方案") + "【打印本页】【关闭窗口】\n"
    result = run(text)
    [(plan, _)] = result.plans
    assert plan["title"] == "某县帮扶方案" and plan["preamble"] == "为做好帮扶工作，制定本方案。"
    assert set(result.dropped_text()) == {"某县人民政府门户网站", "发布时间：2024-04-08 09:32:15  来源：县教育局", "【打印本页】【关闭窗口】"}
    assert result.lost == []


def test_the_notice_is_left_out_and_listed_its_number_kept() -> None:
    text = ("某县教育局文件\n某教发〔2024〕5号\n关于印发《某县帮扶方案》的通知\n各学校：\n现将《某县帮扶方案》印发给你们。\n某县教育局\n"
            "2024年3月1日\n" + PLAN.format(title="某县帮扶方案"))
    [(plan, report)] = run(text).plans
    assert (plan["title"], plan["number"], plan["issuer"], plan["date"]) == ("某县帮扶方案", "某教发〔2024〕5号", "某县教育局",
                                                                               "2024-03-01")
    assert [why for _, _, why in report.dropped].count("the issuing notice") == 5


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


def test_ten_day_periods_and_month_ends_date_a_step_to_the_month_and_keep_their_words() -> None:
    [plan] = plans(PLAN.format(title="某县帮扶方案").replace("（一）动员（2024年3月1日至3月15日）", "（一）动员（2024年3月上旬—6月底）"))
    step = plan["steps"][0]
    assert (step["title"], step["start"], step["end"]) == ("动员", "2024-03", "2024-06")
    assert "2024年3月上旬—6月底" in step["body"]
