"""Word documents and legacy files: styles, bold headings, tables, the issuing notice, page breaks."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).parent / "import_corpus"))
pytest.importorskip("docx")

from build_docx import build_docx

from plangen.importer import Options, convert
from plangen.importer.reading import Unreadable, docx_text, read_input
from plangen.importer.splitting import compile_split


def plans(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [d for d, _ in convert(docx_text(build_docx(blocks)), "a.docx", Options(compile_split(None))).plans]


BODY: list[dict[str, Any]] = [
    {"h1": "一、总体要求"}, {"p": "坚持需求导向，精准帮扶。"},
    {"h1": "二、组织领导"},
    {"table": [["小组职务", "姓名", "单位", "职务"], ["组长", "王立新", "县教育局", "局长"], ["常务副组长", "陈红", "县教育局", "副局长"]]},
    {"h1": "三、实施步骤"},
    {"table": [["时间", "阶段", "责任单位", "主要任务"], ["2024年3月1日至3月15日", "动员部署", "县教育局", "召开动员会"]]},
    {"h1": "四、注意事项"}, {"p": "各校要高度重视。"},
]


def test_numbered_heading_styles_are_parts_and_keep_the_authors_heading() -> None:
    [plan] = plans([{"title": "某县结对帮扶方案"}, *BODY, {"right": "某县教育局"}, {"right": "2024年2月1日"}])
    assert plan["guiding_thought"] == "坚持需求导向，精准帮扶。"
    assert plan["requirements"] == "各校要高度重视。"
    assert plan["headings"]["guiding_thought"] == "一、总体要求"
    assert (plan["issuer"], plan["date"]) == ("某县教育局", "2024-02-01")


def test_tables_in_any_column_order_give_people_with_roles_and_dated_steps() -> None:
    [plan] = plans([{"title": "某县结对帮扶方案"}, *BODY])
    assert plan["leadership"]["leaders"] == [{"name": "王立新", "title": "局长", "org": "县教育局"}]
    assert plan["leadership"]["deputies"] == [{"name": "陈红", "title": "副局长", "org": "县教育局", "role": "常务副组长"}]
    assert plan["steps"] == [{"title": "动员部署", "start": "2024-03-01", "end": "2024-03-15", "owner": "县教育局",
                              "body": "召开动员会"}]


def test_bold_paragraphs_are_headings_when_the_document_has_no_styles() -> None:
    [plan] = plans([{"bold": "某镇帮扶方案"}, {"bold": "指导思想"}, {"p": "以人为本。"}, {"bold": "工作要求"}, {"p": "要落实。"}])
    assert plan["title"] == "某镇帮扶方案"
    assert (plan["guiding_thought"], plan["requirements"]) == ("以人为本。", "要落实。")


def test_the_issuing_notice_gives_title_number_issuer_and_date() -> None:
    [plan] = plans([{"p": "某县教育局文件"}, {"p": "某教发〔2024〕5号"},
                    {"title": "某县教育局关于印发《某县送教下乡方案》的通知"}, {"p": "各学校："},
                    {"p": "现将《某县送教下乡方案》印发给你们，请认真执行。"}, {"right": "某县教育局"}, {"right": "2024年3月1日"},
                    {"page": True}, {"title": "某县送教下乡方案"}, *BODY])
    assert (plan["title"], plan["number"]) == ("某县送教下乡方案", "某教发〔2024〕5号")
    assert (plan["issuer"], plan["date"]) == ("某县教育局", "2024-03-01")
    assert "印发" not in str(plan)


def test_a_page_break_before_a_title_starts_another_plan() -> None:
    found = plans([{"title": "甲校帮扶方案"}, *BODY, {"page": True}, {"title": "乙校帮扶方案"}, *BODY])
    assert [p["title"] for p in found] == ["甲校帮扶方案", "乙校帮扶方案"]


def test_legacy_word_files_are_refused_with_the_conversion_command(tmp_path: Path) -> None:
    doc = tmp_path / "plan.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    with pytest.raises(Unreadable, match="libreoffice --headless --convert-to docx"):
        read_input(doc)
    wps = tmp_path / "plan.wps"
    wps.write_bytes(b"anything")
    with pytest.raises(Unreadable, match=r"\.doc/\.wps"):
        read_input(wps)


def test_numbers_word_draws_before_headings_are_read_into_the_authors_headings() -> None:
    [plan] = plans([{"title": "某县帮扶方案"}, {"n1": "总体要求"}, {"p": "坚持需求导向。"}, {"n1": "组织领导"},
                    {"p": "组长：王立新（县教育局局长）"}, {"n1": "实施步骤"}, {"n2": "动员（2024年3月1日至3月15日）"},
                    {"p": "召开会议。"}, {"n1": "注意事项"}, {"p": "要落实。"}])
    assert plan["headings"] == {"guiding_thought": "一、总体要求", "leadership": "二、组织领导", "steps": "三、实施步骤",
                                "requirements": "四、注意事项"}
    assert [(s["title"], s["start"]) for s in plan["steps"]] == [("动员", "2024-03-01")]


@pytest.mark.parametrize("header", ["中国邮政集团有限公司临枫县分公司文件", "关于印发《临枫县农村寄递物流帮扶方案》的通知"])
def test_a_red_header_or_a_notices_title_is_never_joined_to_the_number_under_it(header: str) -> None:
    from plangen.importer.cleaning import Line
    from plangen.importer.wraps import join_hard_wraps
    lines = [Line(1, header), Line(2, "临邮发〔2024〕11号"),
             Line(3, "为加快推进农村寄递物流体系建设，助力农产品上行和工业品"), Line(4, "下乡，公司制定了本方案。"),
             Line(5, "各支局要认真落实本方案的各项要求，切实做好寄递物流帮扶"), Line(6, "工作。")]
    assert [ln.text for ln in join_hard_wraps(lines)][:2] == [header, "临邮发〔2024〕11号"]


@pytest.mark.parametrize("annex", [
    [{"bold": "附件"}, {"bold": "柿子坪村帮扶项目清单"},
     {"table": [["序号", "项目名称", "建设内容", "帮扶资金（万元）", "责任部门"], ["1", "供水提质工程", "新建蓄水池2座", "85", "工程管理部"]]}],
    [{"bold": "附件"}, {"table": [["序号", "项目名称", "帮扶资金（万元）"], ["1", "供水提质工程", "85"]]}],
    [{"p": "附件2"}, {"p": "柿子坪村帮扶项目清单"}, {"table": [["序号", "项目名称", "帮扶资金（万元）"], ["1", "供水提质工程", "85"]]}],
])
def test_an_annex_on_the_page_after_the_signature_leaves_the_signature_and_the_list_of_attachments_read(
        annex: list[dict[str, Any]]) -> None:
    bold_body = [{"bold": "一、指导思想"}, {"p": "坚持需求导向，精准帮扶。"}, {"bold": "二、工作要求"}, {"p": "各校要高度重视。"}]
    [plan] = plans([{"bold": "某县结对帮扶方案"}, *bold_body, {"p": "附件：柿子坪村帮扶项目清单"}, {"right": "某县教育局"},
                    {"right": "2024年2月20日"}, {"page": True}, *annex])
    assert (plan["issuer"], plan["date"]) == ("某县教育局", "2024-02-20")
    assert plan["attachments"] == [{"title": "柿子坪村帮扶项目清单"}]


def test_a_notice_issuing_two_plans_named_with_deng_gives_two_plans_each_under_its_annex_label() -> None:
    found = plans([{"p": "某县住房和城乡建设局文件"}, {"p": "某住建发〔2025〕3号"},
                   {"bold": "某县住房和城乡建设局关于印发《某县危房改造实施方案》等2个方案的通知"}, {"p": "各乡镇："},
                   {"p": "现将《某县危房改造实施方案》《某县自建房整治工作方案》印发给你们，请认真组织实施。"},
                   {"right": "某县住房和城乡建设局"}, {"right": "2025年2月20日"}, {"page": True},
                   {"p": "附件1"}, {"bold": "某县危房改造实施方案"}, *BODY, {"page": True},
                   {"p": "附件2"}, {"bold": "某县自建房整治工作方案"}, *BODY])
    assert [p["title"] for p in found] == ["某县危房改造实施方案", "某县自建房整治工作方案"]
    assert (found[0]["number"], found[0]["issuer"]) == ("某住建发〔2025〕3号", "某县住房和城乡建设局")


def test_annexes_the_plan_lists_as_attachments_start_no_plan_and_their_text_stays_with_it() -> None:
    found = plans([{"title": "平溪县人居环境整治方案"}, *BODY, {"p": "附件：1．平溪县人居环境整治任务分解表"},
                   {"p": "2．平溪县人居环境整治考核细则"}, {"page": True}, {"p": "附件1"}, {"p": "平溪县人居环境整治任务分解表"},
                   {"table": [["序号", "工作任务", "牵头单位"], ["1", "新建户厕2800户", "县农业农村局"]]}, {"page": True},
                   {"p": "附件2"}, {"p": "平溪县人居环境整治考核细则"}, {"p": "考核采取平时检查与年终考核相结合的方式进行。"}])
    assert len(found) == 1 and "考核采取平时检查" in str(found[0].get("sections"))
    assert "未归入的原文" not in str(found[0].get("sections"))


def test_a_plan_titled_with_its_issuers_name_before_the_title_its_notice_gives_is_that_plan() -> None:
    found = plans([{"p": "湘江路桥建设集团有限公司文件"}, {"p": "湘路建发〔2024〕15号"},
                   {"bold": "湘江路桥建设集团有限公司关于印发《2024年农民工工资支付保障专项行动方案》的通知"},
                   {"p": "集团各部门："}, {"p": "《2024年农民工工资支付保障专项行动方案》已经研究同意，现印发给你们。"},
                   {"right": "湘江路桥建设集团有限公司"}, {"right": "2024年4月30日"}, {"page": True},
                   {"bold": "湘江路桥建设集团有限公司2024年农民工工资支付保障专项行动方案"}, *BODY])
    assert [p["title"] for p in found] == ["湘江路桥建设集团有限公司2024年农民工工资支付保障专项行动方案"]
    assert (found[0]["number"], found[0]["date"]) == ("湘路建发〔2024〕15号", "2024-04-30")


def test_a_notice_counting_its_plans_and_listing_them_as_attachments_gives_each_plan() -> None:
    corpus = Path(__file__).parent / "import_corpus" / "ii09_docx_gongxiao_two_plans_bold.docx.yaml"
    found = plans(yaml.safe_load(corpus.read_text(encoding="utf-8")))
    assert [p["title"] for p in found] == ["沙河县供销合作社2025年冷链物流网点建设帮扶方案", "沙河县供销合作社2025年冷链农产品产销对接帮扶方案"]


def test_an_annex_the_plan_lists_titled_as_a_document_of_its_own_on_its_own_page_is_a_plan() -> None:
    found = plans([{"title": "平溪县村晚展演活动方案"}, *BODY, {"p": "附件：平溪县村晚展演活动安全工作方案"}, {"page": True},
                   {"p": "附件"}, {"title": "平溪县村晚展演活动安全工作方案"}, {"p": "为确保活动安全有序，制定本方案。"},
                   {"n1": "工作要求"}, {"p": "各村要严格控制观众人数。"}])
    assert [p["title"] for p in found] == ["平溪县村晚展演活动方案", "平溪县村晚展演活动安全工作方案"]
