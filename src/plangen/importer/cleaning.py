"""Repair text damaged on the web, line by line, and say what was done where.

Each cleaning is reported (kind, line, count). Mojibake is only reported, with its location: the
original cannot be known, so it is never guessed at and never removed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from .. import plantables
from ..wording import Wording, joined, msg
from .chat import CHAT_FILE, GROUP_NAME, SENDER, chat_message, is_chat, replies, sender_line
from .hanzi import key

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"


@dataclass(frozen=True, slots=True)
class Line:
    """One line of an input, with its 1-based number in the input file."""

    no: int
    text: str


@dataclass(frozen=True, slots=True)
class Cleaning:
    """One kind of repair on one line: `count` occurrences, `sample` shows one of them."""

    kind: str
    line: int
    count: int
    sample: str = ""
    column: int = 0


LABELS: dict[str, Wording] = {
    "pinyin": msg("import.clean-pinyin"), "stray": msg("import.clean-stray"), "html": msg("import.clean-html"),
    "boilerplate": msg("import.clean-boilerplate"), "chrome": msg("import.clean-chrome"),
    "mojibake": msg("import.clean-mojibake"), "simplified": msg("import.clean-simplified"),
    "pageno": msg("import.clean-pageno"), "footer": msg("import.clean-footer"),
    "decoration": msg("import.clean-decoration"),
}
LEFT_OUT: dict[str, Wording] = {"boilerplate": msg("import.out-boilerplate"), "chrome": msg("import.out-chrome"),
                                "pageno": msg("import.out-pageno"), "footer": msg("import.out-footer")}

DROPPED_KINDS = tuple(LEFT_OUT)  # whole lines left out: the sample is the whole line

_PINYIN = re.compile(rf"(?<=\S)[(（][a-zü]*[{_TONED}][a-zü]*[)）]")
_STRAY = re.compile(rf"(?<=[{HAN}])[.'`](?=[{HAN}])")
_DECORATION = re.compile(r"^\s*(?:[▍▎▌▋▊▉]+|[📌👉✅🔹🔸➤➢✔](?=\s*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）])))\s*")
# ▍ before a heading in a WeChat article, 📌 before a numbered heading in a chat message
_DECORATED = re.compile(r"^(\s*)([◎●○◆◇★☆])(第[一二三四五六七八九十\d]{1,3}(?:阶段|步|批))\2")  # ◎第一阶段◎


def _undecorated(text: str, no: int, done: list[Cleaning]) -> str:
    """◎第一阶段◎ -> 第一阶段: the marks around a phase label (a heading then), reported."""
    m = _DECORATED.match(text)
    if not m:
        return text
    done.append(Cleaning("decoration", no, 2, m.group(0).strip(), m.start(2) + 1))
    return m.group(1) + m.group(3) + text[m.end():]


_HTML = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]{0,10}(?:\s[^<>]{0,80})?/?>|&(?:nbsp|amp|lt|gt|quot);")
_BOILERPLATE = re.compile(
    r"小编|以下是.{0,30}(?:范文|范例|例文|方案|资料)|版权(?:所有|归|声明)|本文(?:来源|由|转载)|转载请|未经授权不得转载|免责声明|"
    r"上一篇|下一篇|上一条|下一条|相关推荐|更多.{0,12}(?:请|敬请)访问|Copyright|All Rights Reserved|"
    r"不构成(?:任何)?投资建议|投资有风险"  # a financial site's risk notice under every page
)
# Words of a site's own lines that a plan's sentence may use too (通过微信公众号、宣传单等形式广泛宣传): boilerplate
# only on a short line that is no numbered item.
_SITE_WORDS = re.compile(r"扫码|扫一扫|二维码|手机(?:打开|浏览|阅读)|公众号|关注我们|点击(?:下载|查看|进入)|https?://|www\.")
_NUMBERED = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、]|\d\ufe0f?\u20e3)")
# The links of a page's own actions (【打印此页】【关闭窗口】).
_PAGE_ACTION = (r"(?:(?:我要)?打印(?:本页|此页|本文|此文|文章|正文)?|关闭(?:窗口|本页|此页)?|返回(?:顶部|列表|首页|上一?页|栏目)?|(?:加入)?收藏(?:本页)?|分享(?:到\s*[:：]?\s*(?:微信|微博|QQ空间|QQ|朋友圈)?)?|微信|微博|QQ空间|朋友圈|在看|"
                r"点赞|转发|我要纠错|纠错|发表评论|告诉好友|阅读\s*\d+)")
_DATE_TIME = r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"  # 2025-04-08 16:40, 2024年3月18日
_RELATED_WORDS = r"(?:相关文章|相关阅读|相关链接|相关新闻|相关文件|延伸阅读)"  # a page's list of other articles
_RELATED_HEAD = r"^(?:【[^】]{1,60}】)?" + _RELATED_WORDS + r"\s*[:：]?$"  # its heading, the page's title in brackets before it
# A site's footer, label and value (松岗镇人民政府主办, 联系电话：0739-5210016, 地址：…), two or more on a line.
_FOOTER_PAIR = r"[^，,。；;：:\s]{0,12}(?:主办|承办|协办|维护|技术支持|电话|热线|地址|邮编|传真|邮箱)(?:单位)?(?:\s*[:：]?\s*[^\s，,。；;]{1,40})?"
# The labels of a government site's disclosure block (索引号：…, 发布机构：…), but its document number's.
_DISCLOSED = r"(?:索\s*引\s*号|主题分类|分\s*类|发布机构|发文机关|生成日期|成文日期|发布日期|有\s*效\s*性)"
_HERE = "(?:当前位置|您的位置|您当前的位置|您现在的位置|现在的位置|您所在的位置|所在位置)"  # a page's "you are here" label before its breadcrumb
# Page chrome of a web page around a plan: whole lines, reported one by one as left out.
_CHROME = re.compile(
    r"^[【\[（(]?(?:" + _HERE + r"|发布时间|发布日期|发文日期|信息来源|来源|浏览次数|阅读次数|访问次数|点击数|字体|字号|"
    r"浏览字号|分享到|主办|承办|主办单位|技术支持|网站标识码|责任编辑|编辑|作者|发布者|发布人|索引号|打印本页|关闭窗口)\s*[:：]|"
    + _RELATED_HEAD + "|"  # 相关文章：, 【…方案】相关文章：
    r"^(?:" + _DISCLOSED + r"|(?:发文字|文\s*)号)\s*[:：]"
    r"[^，,。；;]{0,60}$|"  # a government site's disclosure block: its lines of labels and values,
    r"^标\s*题\s*[:：].{4,80}(?:通知|方案|计划|意见)$|"  # and its title line
    r"^[@＠](?:所有人|全体成员|全体)(?=\s|$)|^.{0,30}(?:收到请回复|请回复[“\"]?收到)|^【转发】.{0,80}收到请回复[。！!]?$|"  # a chat message's call and reply request
    r"^(?:[^\s，,。；;：:]{2,20}\s+){1,4}\d{4}(?:-|年)\d{1,2}(?:-|月)\d{1,2}日?\s+\d{1,2}:\d{2}(?:\s+[^\s，,。；;：:]{2,6})?$|"
    # a WeChat article's byline: 某镇发布　2024-03-18 08:30　湖南, 原创　云溪女性　云溪县妇联　2024年03月06日 09:15
    r"^(?:[【\[]?\s*(?:" + _PAGE_ACTION + r"|大\s*中\s*小)\s*[】\]]?\s*)+$|^(?:[【\[]\s*(?:大|中|小|默认|" + _PAGE_ACTION + r")\s*[】\]]\s*){2,8}$|"  # 【大】【中】【小】　【打印本页】
    r"^[^，,。；;：:\s]{2,30}(?:门户网站|政府网|网站|网)$|ICP备|网站地图|^(?:网站)?首页\s*[>＞»›]|"
    r"^(?:网站)?首页(?:(?:\s*[|｜/]\s*|\s+)[^\s|｜/，,。；;：:]{2,8}){3,}\s*$|"  # the site's menu: 首页 | 机构概况 | 政务公开 | …
    r"^(?:[^\s>＞»›，,。；;：:]{2,12}\s*[>＞»›]\s*){2,}[^\s>＞»›，,。；;：:]{2,12}$|"  # a breadcrumb: 政府信息公开 > 部门信息公开 > …
    r"^[-—\s]*END[-—\s]*$|"
    r"^(?:时间|日期)\s*[:：]\s*" + _DATE_TIME + r"\s+(?:来源|作者|浏览|点击|阅读|编辑|发布人|发布者|发布单位|栏目)|"  # 时间：2025-04-08 16:40　来源：…
    r"^\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2})?\s+\S{2,30}\s+[【\[]|^\S{2,30}\s*主办$|"  # 2025-02-21　某局　【大 中 小】
    r"^" + SENDER + r"$|^" + GROUP_NAME + r"$|"  # a chat's sender and time; its group's name and size
    + CHAT_FILE.pattern + r"|^[【\[]\s*(?:字体|字号)[^】\]]{0,12}[】\]]|"  # a chat's file; 【字号 大 中 小】
    r"^(?:地址|联系地址)\s*[:：].{0,60}(?:电话|邮编|邮政编码|网站标识码)\s*[:：]|网站标识码|公网安备|"  # a site's footer
    r"^(?:地址|联系地址)\s*[:：][^，,。；;：:\s]{4,40}[号楼]$|"  # …, and its address alone,
    r"^(?:联系|咨询|办公)?电话\s*[:：]\s*[\d\-－—()（） ]{7,20}$|"  # or its telephone number alone
    r"^\S{2,30}主办\s+\S{2,30}承办$|^[^，,。；;：:\s]{2,30}\s+(?:主办|承办)(?:\s+" + _FOOTER_PAIR + r")*$|"  # 某镇人民政府　主办　地址：…
    r"^[（(]本(?:栏目|网站|站|页面?)[^（()）]{2,40}[)）]$|^温馨提示\s*[:：]|^(?:编者按|编者的话|编辑按)\s*[:：]|"
    # a site's note on its column; its warning; its editor's note above the plan (编者按：…现将方案全文刊发如下。)
    r"^(?=.*(?:主办|承办|地址|热线))(?:" + _FOOTER_PAIR + r"\s+){1,4}" + _FOOTER_PAIR + "$|"
    r"^" + _RELATED_WORDS + r"\s*[:：]\s*\S.{0,60}$|"
    r"^(?:相关附件|附件下载|下载附件)\s*[:：]?|^[^，,。；;：:\s]{2,80}\.(?:docx?|xlsx?|pdf|wps|et|zip|rar)$|"  # a page's download links
    r"^(?:网友评论|我要评论|暂无评论|发表评论|查看评论|评论\s*[（(]\d+[)）])\s*$|"
    r"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?(?:$|\s+(?:来源|作者|编辑|浏览|阅读|点击|发布者|发布人)\S*\s*[:：])|"
    r"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s+(?:来源|作者|编辑|浏览|阅读|点击)\S*\s*[:：]|"  # 2025-04-09 来源：…
    r"^.{0,30}(?:发布时间|发布日期)\s*[:：]\s*\d{4}[-/.年]\d{1,2}.{0,50}$"
)

# A page number printed on each page (— 2 —, - 3 -, 第 2 页 共 5 页), pasted with the text of a PDF.
_PAGE_NO = re.compile(r"^(?:[—\-－–]{1,2}\s*\d{1,3}\s*[—\-－–]{1,2}|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?)$")
# The print footer (版记) of an official document: its publication note and its copies line, then the
# line of the office that printed it (…办公室　2024年3月4日印发) after them.
_FOOTER = re.compile(r"^[（(](?:此件|信息公开(?:选项|方式|属性)\s*[:：])[^）)]{0,8}公开[^）)]{0,6}[)）]$|^(?:抄送|抄报)\s*[:：]"
                     r"|^[（(](?:本方案|本计划|此方案)?经[^（()）]{2,50}(?:讨论|审议|研究)?(?:通过|批准|同意)[)）]$"  # （本方案经…会议讨论通过）
                     r"|^\S{2,30}(?:办公室|办公厅|党政办|综合办|综合室|综合部|综合管理部)\s+\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发$")  # the printing office
_PRINTED = re.compile(r"^\S{2,30}\s+\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发$")

_MOJIBAKE = re.compile(
    r"(?<=\S)\?[!;]\??|(?<=\S)\?+(?=[^\s，。、；：,.;:！!？?“”])[^\s，。、；：,.;:！!？“”]{0,6}"
    r"|\ufffd+|[ÃÂâ][\u0080-\u00bf€™œ]+"
)


def clean_line(line: Line) -> tuple[Line | None, list[Cleaning]]:
    """The repaired line (None when the whole line is boilerplate) and what was done to it."""
    text = line.text.replace("\u00a0", " ").rstrip()
    done: list[Cleaning] = []
    text = _sub(_HTML, "html", text, line.no, done)
    text = _sub(_PINYIN, "pinyin", text, line.no, done)
    text = _sub(_STRAY, "stray", text, line.no, done)
    text = _sub(_DECORATION, "decoration", text, line.no, done)
    text = _undecorated(text, line.no, done)
    if len(text) > _PASTE:  # a paste of a whole page: never left out whole (its chrome is cut out of it first)
        return _with_mojibake(Line(line.no, text.strip(" \t\u3000")), done)
    if _boilerplate(key(text)):
        done.append(Cleaning("boilerplate", line.no, 1, text.strip()))
        return None, done
    for kind, pattern in (("chrome", _CHROME), ("pageno", _PAGE_NO), ("footer", _FOOTER)):
        if pattern.search(key(text).strip()):
            done.append(Cleaning(kind, line.no, 1, text.strip()))
            return None, done
    return _with_mojibake(Line(line.no, text.strip(" \t\u3000")), done)


def _with_mojibake(line: Line, done: list[Cleaning]) -> tuple[Line, list[Cleaning]]:
    """The line kept, with its mojibake reported where it is (never removed: the original cannot be known)."""
    for m in _MOJIBAKE.finditer(line.text):
        done.append(Cleaning("mojibake", line.no, 1, line.text[max(0, m.start() - 4):m.end() + 2], m.start() + 1))
    return line, done


def _boilerplate(text: str) -> bool:
    """A site's line around the plan (以下是小编整理的…, 扫码关注我们), not a sentence of the plan."""
    if _BOILERPLATE.search(text):
        return True
    return bool(_SITE_WORDS.search(text)) and len(text.strip()) <= 40 and not _NUMBERED.match(text) \
        and not text.rstrip().endswith(("。", "；", ";"))  # 信公众号等平台进行宣传。: a sentence's end, wrapped


def _sub(pattern: re.Pattern[str], kind: str, text: str, no: int, done: list[Cleaning]) -> str:
    found = list(pattern.finditer(text))
    if not found:
        return text
    first = found[0]
    sample = text[max(0, first.start() - 1):first.end()]
    done.append(Cleaning(kind, no, len(found), sample, first.start() + 1))
    return pattern.sub("", text)


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[:width] + "…"


def clean(lines: list[Line]) -> tuple[list[Line], list[Cleaning]]:
    """Every line repaired; boilerplate lines dropped; all cleanings in line order."""
    kept: list[Line] = []
    done: list[Cleaning] = []
    above = _Above(is_chat(lines))
    answered = replies(lines) if above.chat else set()
    for line, chrome in (piece for whole in lines for piece in chrome_cut(whole)):
        chrome = chrome or line.no in answered
        new, what = (None, [Cleaning("chrome", line.no, 1, line.text)]) if chrome else clean_line(line)
        if new is not None and (above.makes_chrome(new.text) or above.sender(new.text)):
            what = what + [Cleaning("footer" if above.footer else "chrome", line.no, 1, new.text)]
            new = None
        if new is None and _site_name_above(kept, line):
            done.append(Cleaning("chrome", kept[0].no, 1, kept.pop().text))
        above.see(line, new is None, what)
        done.extend(what)
        if new is not None:
            kept.append(new)
    return kept, done


class _Above:
    """What the lines above say about the next one: after 抄送：… the printing office's line is the footer's
    too; after 相关文章 the articles listed; after a chat's sender line, a short message."""

    def __init__(self, chat: bool) -> None:
        self.chat = chat  # the text is a chat's: a sender's line may give the time alone (龙院长 08:47)
        self.footer = self.related = self.message = self.label = False

    def makes_chrome(self, text: str) -> bool:
        return _follows(text, self.footer, self.related) or (self.message and chat_message(text)) \
            or (self.label and len(text.strip()) <= 40 and not re.search("[。；;，,]", text))  # 索引号： / its value

    def sender(self, text: str) -> bool:
        return sender_line(key(text).strip(), self.chat)

    def see(self, line: Line, dropped: bool, what: list[Cleaning]) -> None:
        if line.text.strip():
            self.message = self.sender(line.text) or (self.message and bool(CHAT_FILE.match(line.text.strip())))
        if line.text.strip():
            self.label = dropped and bool(_LABEL_ALONE.match(key(line.text).strip()))
        self.footer = self.footer or any(c.kind == "footer" for c in what)
        self.related = self.related or (dropped and bool(_RELATED.match(key(line.text).strip())))


# A label of a government site's disclosure block alone on its line, its value on the next (索引号： / 431102-…).
_LABEL_ALONE = re.compile(r"^" + _DISCLOSED + r"\s*[:：]$")  # (文号 alone is not: its value is the plan's number)


# The ends of a site's section names (工作动态, 通知公告, 新闻中心): where a breadcrumb glued to the title ends.
_SECTION_END = "(?:动态|公告|公开|新闻|要闻|资讯|文件|通知|信息|专栏|专题|中心|政策|概况|服务|之窗|园地|风采|快讯|聚焦|方案|计划)"
_PASTE = 120  # a line this long is a paste of a whole page: its chrome is inside it, between the plan's text
_INLINE_CHROME = re.compile(
    r"(?:(?<=^)|(?<=[\s】。])|(?<=网站)|(?<=政府网))(?:"
    r"(?:" + _HERE + r"\s*[:：]\s*)?首页(?:\s*[>＞»›]{1,2}\s*[^\s>＞»›]{2,10}?(?=\s*[>＞»›]))*"
    r"\s*[>＞»›]{1,2}\s*(?:[^\s>＞»›]{2,10}(?=\s|$)|[^\s>＞»›]{0,8}" + _SECTION_END + ")"  # 首页 > 检务公开 > 工作动态
    r"|(?:浏览次数|阅读次数|访问次数|点击数|浏览量|阅读量|点击量|访问量|浏览|阅读|点击)\s*[:：]\s*\d{1,9}\s*次?"  # a count
    r"|(?:发布时间|发布日期|信息来源|来源|作者|责任编辑|编辑|发布者|发布人|发布单位)\s*[:：]\s*"
    rf"(?:{_DATE_TIME}|[^\s【】]{{1,30}})"
    r"|(?:版权所有|技术支持|备案号|网站主办|主办单位|承办单位|网站标识码|地址|联系电话|急救电话|客服热线|客服电话|服务热线|热线电话|邮编)"
    r"\s*[:：©]?\s*[^\s【】]{1,40}"
    r"|(?:上一篇|下一篇)\s*[:：]\s*[^\s【】]{1,60}|(?:打印本页|打印此页|关闭窗口|返回顶部)(?=\s|$)"
    r"|" + _RELATED_WORDS + r"\s*[:：]\s*[^\s【】]{1,60}"  # 相关链接： 某局…年度报告
    r"|网站地图(?:\s*[|｜]\s*(?:联系我们|网站声明|隐私声明|关于我们|网站纠错))*\s*[|｜]?"  # 网站地图 | 联系我们 |
    r")"
    rf"|(?<![【\[])(?:发布时间|发布日期)\s*[:：]\s*{_DATE_TIME}"  # glued to the title before it: …实施方案发布时间：2025-03-04
    rf"|(?<=方案|计划)(?:时间|日期)\s*[:：]\s*{_DATE_TIME}"  # …工作方案时间：2024-02-28
    r"|(?<=方案|计划)(?:发布者|发布人|作者|信息来源|来源)\s*[:：]\s*[^\s【】]{1,30}"  # …实施方案发布者：总务处
    r"|分享到\s*[:：]?(?:\s*(?:微信|微博|QQ空间|QQ|朋友圈|抖音))*"  # glued to the signature before it: …2025年3月3日分享到：微信
    r"|[【\[][^】\]]{0,10}(?:字体|字号|打印|关闭|收藏|分享|纠错)[^】\]]{0,10}[】\]]"  # 【字体：大 中 小】【打印本页】
    r"|(?:字体|字号)\s*[:：]\s*[【\[]?\s*大\s*中\s*小\s*[】\]]?"  # 字号：[大 中 小]
    r"|^[^\s>＞»›，,。；;：:]{2,20}(?:\s*[>＞»›]{1,2}\s*[^\s>＞»›，,。；;：:]{2,10})+(?=\s(?!\s*[>＞»›]))"  # 松坪县教育局 > 通知公告 opening the paste
)


def chrome_cut(line: Line) -> list[tuple[Line, bool]]:
    """A paste of a whole page on one line (首页 > … 标题 发布时间：… 【字体：大 中 小】 为深入… 版权所有：…), cut
    before and after each piece of page chrome in it, so that the chrome alone is left out and not the
    plan with it: the pieces, each with whether it is chrome. A shorter line is returned whole."""
    k = key(line.text)
    if len(k) <= _PASTE:
        return [(line, False)]
    chrome = {m.start(): m.end() for m in _INLINE_CHROME.finditer(k)}
    bounds = sorted({0, len(k), *chrome, *chrome.values()})
    pieces = [(line.text[a:b].strip(" \t\u3000"), chrome.get(a) == b) for a, b in pairwise(bounds)]
    pieces = [p for p in pieces if p[0]]
    if len(pieces) > 1 and pieces[-2][1] and _FOOTER_TAIL.fullmatch(pieces[-1][0]):  # 版权所有：某大学 党委宣传部
        pieces[-1] = (pieces[-1][0], True)
    return [(Line(line.no, piece), is_chrome) for piece, is_chrome in pieces]


_FOOTER_TAIL = re.compile(r"[^\d\s，,。；;：:！!？?]{2,20}")  # the rest of the footer after its last label


_BREADCRUMB = re.compile(r"^" + _HERE + r"\s*[:：]|^首页\s*[>＞]|^(?:网站)?首页(?:\s*[|｜/]|\s)")
_SITE_NAME = re.compile(r"[^，,。；;：:、\s]{2,30}")
_RELATED = re.compile(_RELATED_HEAD)


def _site_name_above(kept: list[Line], line: Line) -> bool:
    """The only line kept so far is the site's name, and `line` its breadcrumb or menu."""
    return bool(_BREADCRUMB.match(key(line.text).strip())) and len(kept) == 1 and bool(_SITE_NAME.fullmatch(kept[0].text)) \
        and not _A_TITLE.search(kept[0].text.strip())  # a plan's title above the breadcrumb stays


_A_TITLE = re.compile(r"(?:方案|计划|办法|细则|通知|意见|规划)$")


def _follows(text: str, footer: bool, related: bool) -> bool:
    """A line that is chrome by what came before it: the printing office's line after 抄送：…, a listed article
    (· …, or a title alone) after 相关文章."""
    listed = text.strip()[:1] in ("·", "•", "▪") or (len(text) <= 60 and not re.search("[。；;，,]", text))
    return (footer and bool(_PRINTED.match(key(text)))) or (related and listed)


def simplify(lines: list[Line], convert: Callable[[str], object]) -> tuple[list[Line], list[Cleaning]]:
    """Lines converted to simplified characters by `convert` (OpenCC), with a count per line."""
    out: list[Line] = []
    done: list[Cleaning] = []
    for line in lines:
        new = str(convert(line.text))
        changed = sum(1 for a, b in zip(line.text, new) if a != b) if len(new) == len(line.text) else 1
        if new != line.text:
            done.append(Cleaning("simplified", line.no, changed))
        out.append(Line(line.no, new))
    return out, done


def summarise(cleanings: list[Cleaning]) -> list[Wording]:
    """'pinyin annotations removed: 123 (lines 3–40)' per kind, mojibake with each location."""
    out: list[Wording] = []
    for kind, label in LABELS.items():
        found = [c for c in cleanings if c.kind == kind]
        if not found:
            continue
        if kind == "mojibake":
            places = [msg("import.place", line=c.line, column=c.column, sample=c.sample) for c in found]
            out.append(msg("import.cleaned-at", label=label, count=len(found), places=joined(places, "import.and")))
            continue
        total = sum(c.count for c in found)
        lines = sorted({c.line for c in found})
        where = (msg("import.one-line", line=lines[0]) if len(lines) == 1
                 else msg("import.lines", n=len(lines), first=lines[0], last=lines[-1]))
        out.append(msg("import.cleaned-count", label=label, count=total, where=where))
    return out


def tab_rows(lines: list[Line]) -> list[Line]:
    """A table pasted from Word or a spreadsheet (cells parted by tabs): two or more lines in a row with the
    same number of cells (two or more) become Markdown pipe rows, the form every table takes in the importer."""
    out: list[Line] = []
    run: list[Line] = []
    roles = False  # the lines follow a role line parted by tabs (组　长：邵华明\t党委书记): more of its people
    for ln in [*lines, Line(0, "")]:
        roles = "\t" in ln.text and (roles or _role_cell(ln.text))
        cells = [] if roles else _tab_cells(ln.text)
        if run and len(cells) == len(_tab_cells(run[0].text)):
            run.append(ln)
            continue
        out.extend(_piped(run) if len(run) >= 2 else run)
        run = [ln] if len(cells) >= 2 else []
        if not run and ln.no:
            out.append(ln)
    return out


def _tab_cells(text: str) -> list[str]:
    return [c.strip() for c in text.strip().split("\t")] if "\t" in text.strip() else []


def _role_cell(text: str) -> bool:
    """The line opens with a role's label (组　长：…)."""
    label = re.match(r"^\s*([^:：\t]{1,12})[:：]", text)
    return bool(label and plantables.labelled_role(label[1]))


def _piped(run: list[Line]) -> list[Line]:
    return [Line(ln.no, "| " + " | ".join(c.replace("|", "｜") for c in _tab_cells(ln.text)) + " |") for ln in run]



_DISCLOSED_NUMBER = re.compile(r"(?:发文字|文\s*)号\s*[:：]\s*(?P<number>[^\s　]{2,20}〔\d{4}〕\d{1,4}号)")


def number_in_chrome(cleanings: list[Cleaning]) -> str:
    """The document number a government site's disclosure block gives (文　　号：云林发〔2024〕2号); ''."""
    found = (_DISCLOSED_NUMBER.search(c.sample) for c in cleanings if c.kind == "chrome")
    return next((m["number"] for m in found if m), "")
