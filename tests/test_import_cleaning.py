"""Each cleaning of text damaged on the web, and its report."""

from __future__ import annotations

from plangen.importer import Options, convert
from plangen.importer.cleaning import Line, clean, clean_line, simplify, summarise
from plangen.importer.splitting import compile_split


def one(text: str) -> tuple[str | None, list[str]]:
    line, done = clean_line(Line(7, text))
    return (line.text if line else None), [c.kind for c in done]


def test_pinyin_annotations_removed() -> None:
    assert one("優(yōu)秀的方案結(jié)對") == ("優秀的方案結對", ["pinyin"])
    assert one("优（yōu）秀") == ("优秀", ["pinyin"])


def test_real_parentheses_kept() -> None:
    for text in ("(1)宣传动员", "补贴(附件1、2或3)", "裁员率(4%)", "幼儿园“1+n”(n)帮教", "(一)管理帮扶"):
        assert one(text) == (text, [])


def test_stray_marks_between_chinese_characters_removed() -> None:
    assert one("老师的.阵阵掌声,参加的`法律宣传,详细的'安排") == ("老师的阵阵掌声,参加的法律宣传,详细的安排", ["stray"])
    assert one("2016.9.1召开") == ("2016.9.1召开", [])


def test_site_boilerplate_lines_dropped() -> None:
    assert one("以下是小编为大家总结的一些常见方案范例,供参考。") == (None, ["boilerplate"])
    assert one("【本文地址:http://example.com/zuowen/1.html】") == (None, ["boilerplate"])
    assert one("为进一步做好帮扶工作,特制定本方案。")[1] == []


def test_a_pages_back_to_the_list_link_and_a_financial_sites_risk_notice_are_left_out() -> None:
    for text in ("【返回列表】", "[返回首页]", "风险提示：本网站内容仅供参考，不构成投资建议。投资有风险，入市需谨慎。"):
        assert one(text)[0] is None, text
    assert one("（二）返回村里的务工人员，由村委会统一登记。")[1] == []


def test_a_sites_footer_of_labels_and_values_and_its_spaced_font_switch_are_chrome() -> None:
    assert one("东湖区人民政府办公室主办　　技术支持：东湖区融媒体中心") == (None, ["chrome"])
    for text in ("松岗镇人民政府主办　联系电话：0739-5210016", "24小时供水服务热线：96116　　地址：汀阳市解放西路56号",
                 "网站主办：枫川县人民政府办公室　　联系电话：0745-6223001", "[ 大 中 小 ]　[ 打印 ]　[ 收藏 ]",
                 "【发表评论】【加入收藏】【告诉好友】【打印此文】【关闭窗口】", "【打印本页】【关闭窗口】　分享到："):
        assert one(text) == (None, ["chrome"]), text
    assert one("【版权声明】本网注明“来源：某新闻网”的作品，未经授权不得转载。")[0] is None
    assert one("（责任编辑：葛敏）")[0] is None and one("地址：澧源县城关镇人民路88号")[0] is None
    assert one("联系电话：0739-6712120")[0] is None  # the page's telephone number alone, under the signature
    assert one("【大】【中】【小】　　【打印本页】") == (None, ["chrome"])
    assert one("2025-04-09 来源：金桂社区 字号：【大】【中】【小】") == (None, ["chrome"])
    assert one("信公众号等平台进行宣传。")[0] == "信公众号等平台进行宣传。"  # the end of a wrapped sentence
    assert one("政府信息公开 > 部门信息公开 > 县工业和信息化局 > 计划规划")[0] is None
    assert one("相关文件：某县2024年就业帮扶车间认定管理办法")[0] is None
    for text in ("联系人：张三　联系电话：0731-1234567", "（三）加强宣传。通过电话、地址等方式告知群众。"):
        assert one(text) == (text, []), text


def test_a_plans_sentence_naming_a_site_is_no_boilerplate() -> None:
    sentence = "（一）宣传发动阶段（2024年4月上旬）。通过政府网站、微信公众号、宣传单等形式广泛宣传帮扶政策。"
    assert one(sentence) == (sentence, [])
    assert one("扫码关注我们，获取更多方案") == (None, ["boilerplate"])
    assert one("扫一扫在手机打开当前页") == (None, ["boilerplate"])


def test_page_actions_and_font_size_in_brackets_are_chrome() -> None:
    assert one("【字号：大 中 小】") == (None, ["chrome"])
    assert one("【打印此页】　【关闭窗口】") == (None, ["chrome"])
    assert one("[打印本文] [关闭本页]") == (None, ["chrome"])
    assert one("【大】【中】【小】　　【打印】　　【分享到微信】") == (None, ["chrome"])
    assert one("【分享到】　微信　　微博") == (None, ["chrome"])
    assert one("2024-02-27 16:08　　发布者：杏花社区　　阅读：208") == (None, ["chrome"])
    assert one("时间：2025-04-28 15:40　发布人：桂香社区　【字号：大 中 小】") == (None, ["chrome"])
    assert one("时间：2024-05-20 10:12:33　　栏目：实施方案　　作者：网友投稿　　阅读：1286") == (None, ["chrome"])
    assert one("发布者：研学事业部　　2025-02-14 10:36　　浏览量：512") == (None, ["chrome"])
    assert one("编者按：近日，公司印发《某公司消费帮扶工作方案》。现将方案全文刊发如下。") == (None, ["chrome"])
    assert one("打印帮扶台账，关闭未达标的项目。")[1] == []


def test_a_chat_messages_call_to_everyone_is_chrome() -> None:
    assert one("@所有人 各校请认真阅读，按要求落实。") == (None, ["chrome"])
    assert one("收到请回复“收到+单位名称”🙏🙏") == (None, ["chrome"])
    assert one("👆以上请各位村医相互转告，收到请回复“收到”🙏") == (None, ["chrome"])
    assert one("石牛镇发布　2024-03-18 08:30　湖南") == (None, ["chrome"])  # a WeChat article's byline
    assert one("分享　收藏　在看　点赞") == (None, ["chrome"])
    assert one("2024-04-01 09:18　　来源：区文明办　　编辑：丁若溪") == (None, ["chrome"])
    assert one("原创　云溪女性　云溪县妇联　2024年03月06日 09:15　湖南") == (None, ["chrome"])
    assert one("阅读 1856　分享　收藏　点赞　在看") == (None, ["chrome"])
    assert one("请@所有人 认真阅读。")[1] == []


def test_the_printing_offices_line_is_the_print_footer() -> None:
    assert one("沙洲农村商业银行办公室　　　　　　2024年3月15日印发") == (None, ["footer"])
    assert one("2024年3月15日印发")[1] == []  # a signature's date: read by the signature


def test_the_sites_name_above_its_breadcrumb_is_chrome() -> None:
    kept, done = clean([Line(1, "岚溪县人民政府"), Line(2, "当前位置：首页 > 政务公开 > 部门文件"),
                        Line(3, "岚溪县2024年纾困帮扶工作方案")])
    assert [ln.text for ln in kept] == ["岚溪县2024年纾困帮扶工作方案"]
    assert [(c.kind, c.line) for c in done] == [("chrome", 1), ("chrome", 2)]
    kept, done = clean([Line(1, "望川县城市管理局"), Line(2, "首页 | 机构概况 | 政务公开 | 办事服务 | 互动交流"),
                        Line(3, "您现在的位置：首页 > 政务公开 > 计划总结"), Line(4, "望川县帮扶实施方案")])
    assert [ln.text for ln in kept] == ["望川县帮扶实施方案"] and len(done) == 3
    kept, _ = clean([Line(1, "帮扶工作方案"), Line(2, "一、指导思想"), Line(3, "当前位置：首页")])
    assert [ln.text for ln in kept] == ["帮扶工作方案", "一、指导思想"]


def test_html_remnants_removed() -> None:
    assert one("<p>指导思想</p>&nbsp;") == ("指导思想", ["html"])


def garbled(text: str) -> str:
    """UTF-8 bytes read as GBK, unknown bytes shown as '?': mojibake as web pages carry it."""
    return text.encode("utf-8").decode("gbk", "replace").replace("\ufffd", "?")


def test_mojibake_reported_with_location_never_changed() -> None:
    text = "加强" + garbled("基础") + "设施建设"
    line, done = clean_line(Line(17, text))
    assert line is not None and line.text == text
    assert [(c.kind, c.line) for c in done] == [("mojibake", 17)]
    assert done[0].column == text.index("?") + 1 and "?" in done[0].sample
    assert one("确保" + "\ufffd\ufffd" + "顺利")[1] == ["mojibake"]


def test_ordinary_question_marks_are_not_mojibake() -> None:
    assert one("怎么办? 要认真研究。")[1] == []


def test_summary_per_kind_with_lines() -> None:
    _, done = clean([Line(1, "優(yōu)秀"), Line(2, "學(xué)校的.老師"), Line(3, "當" + garbled("基础") + "業")])
    text = "\n".join(w.message for w in summarise(done))
    assert "pinyin annotations removed: 2 (2 lines, 1–2)" in text
    assert "stray marks between Chinese characters removed: 1 (line 2)" in text
    assert "line 3:4" in text


def test_simplify_counts_changed_characters() -> None:
    lines, done = simplify([Line(1, "幫扶"), Line(2, "帮扶")], lambda s: s.replace("幫", "帮"))
    assert [ln.text for ln in lines] == ["帮扶", "帮扶"]
    assert [(c.kind, c.line, c.count) for c in done] == [("simplified", 1, 1)]


def test_a_wechat_articles_decoration_and_chrome_are_removed_and_reported() -> None:
    text = ("点击蓝字 关注我们\n▍某县2024年助学帮扶方案\n为帮助困难学生，制定本方案。\n▍一、指导思想\n坚持公开公正。\n"
            "▍二、领导小组\n组长：谌海波（县教育基金会理事长）\n▍三、实施步骤\n◆3月1日-3月20日：各学校推荐资助对象。\n"
            "▍四、工作要求\n要如实推荐。\n某县教育基金会\n2024年2月26日\nEND\n长按识别二维码关注我们\n")
    result = convert(text, "a.txt", Options(compile_split(None)))
    [(plan, report)] = result.plans
    assert (plan["title"], plan["issuer"], plan["requirements"]) == ("某县2024年助学帮扶方案", "某县教育基金会", "要如实推荐。")
    assert {"END", "点击蓝字 关注我们", "长按识别二维码关注我们"} <= set(result.dropped_text())
    assert any(c.kind == "decoration" for c in report.cleanings + result.outside) and result.lost == []
