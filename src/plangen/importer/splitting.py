"""Split a text holding several plans into one text per plan.

With the default pattern, a plan starts at a `篇N` / `第N篇` header, at a `【…方案…】` line, and at a
plan's title line (…方案, …计划, …方案（二）) that follows a page break, a separator line (----, ****),
the signature (or the 附件 line) of the plan before it, or that numbers the plan (方案（二）, 方案二). A title line that
names the document an issuing notice just introduced (关于印发《…》的通知) continues the same plan.
Page-break marks and separator lines are not plan text. A user pattern (--split) replaces all this.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..vocabulary import fold
from .cleaning import Line
from .hanzi import key
from .reading import PAGE_BREAK
from .structure import DATE_LINE, ORG_DATE_LINE, arabic_dates, signature_line

_N = "一二三四五六七八九十百零〇两\\d"
_SAMPLE = r"(?:范文|范例|例文|样文|精选|参考范文|方案|计划)"  # 【范文一】, 方案二 alone: a page of sample plans
DEFAULT_SPLIT = (rf"^.{{0,40}}篇[{_N}]+\s*[。.:：】\]]?\s*$|^\s*第[{_N}]+篇(?:\s|[：:、.]|$)|^\s*篇[{_N}]+\s*[：:、.．]"
                 rf"|^\s*[【\[]?\s*{_SAMPLE}\s*[{_N}]+\s*[】\]]?\s*[:：]?\s*$")
_SEPARATOR = re.compile(r"^\s*(?:[-=*_—～~·•#＝－＊]\s*){3,}$")
_END_MARK = re.compile(r"^\s*(?:[（(【\[]\s*(?:全文)?完\s*[)）】\]]|[—\-－]{1,3}\s*(?:全文)?完\s*[—\-－]{1,3}|全文完|-?END-?)\s*$",
                       re.IGNORECASE)  # （完）: the end of a plan
_BRACKETED = re.compile(r"^\s*【(?P<title>[^】]{4,60}(?:方案|计划|意见|办法|细则|规划)[^】]{0,8})】\s*$")
_TITLE = re.compile(r"^(?:#\s*)?(?P<title>[^，,；;：:。！？!?\s]{4,50}?(?:方案|计划|意见|办法|细则|规划)"
                    r"(?P<no>\s*(?:[（(][^）)]{1,6}[)）]|[一二三四五六七八九十]{1,2}|\d{1,2}))?)\s*$")
_LABELLED = re.compile(r"^(?:(?:方案|计划|篇)[一二三四五六七八九十\d]{1,3}|附\s*(?:件\s*\d{0,2})?)\s*[：:、.．\s]\s*(?P<title>.+)$")
_ITEM = re.compile(r"^\s*(?:\d{1,2}\s*[．、]|\d{1,2}\.(?!\d)|[（(]\s*\d{1,2}\s*[)）]|[①-⑳])")
_TAG = re.compile(r"^[【\[](?:通知|公告|转发|原创|转载|推荐|置顶|重要|最新|范文)[】\]]\s*"
                  r"|^[\U0001F300-\U0001FAFF\u2600-\u27BF\u25A0-\u25FF]\ufe0f?\s*")  # 📌 before a chat's title
_NUMBERED = re.compile(rf"(?:[（(][{_N}]{{1,3}}[)）]|[{_N}]{{1,2}})$")
_BARE_HEADER = re.compile(rf"^[【\[]?\s*(?:第\s*[{_N}]+\s*篇|篇\s*[{_N}]+|{_SAMPLE}\s*[{_N}]+)\s*[】\]]?\s*[。.:：]?$")
_ATTACHMENT = re.compile(r"^附\s*件\s*\d{0,2}\s*[:：]")  # a plan's 附件 lines close it, as a signature does
_IN_FORCE = re.compile(r"^本(?:方案|计划|办法|细则)(?:自.{0,16}(?:起|之日起)\s*(?:施行|执行|实施|生效)|由.{2,24}负责解释)")
# The title of an issuing notice: 关于印发《A》(《B》…, 等2个方案)的通知, or one whose 《》 a web page dropped.
NOTICE = re.compile(r"印发(?:(?P<titles>《(?P<title>[^》]{2,80})》(?:[、和及与,，]?《[^》]{2,80}》)*)"
                    r"(?:等\s*[\d一二三四五六七八九十两]{1,2}\s*个(?:方案|文件|计划|办法))?的通知"
                    r"|(?P<counted>[^《》，,。]{0,60}?[\d一二三四五六七八九十两]\s*个[^《》，,。]{0,12}?(?:方案|计划|文件))的通知\s*$"
                    r"|(?P<bare>[^《》，,。]{4,80}?(?:方案|计划|意见|办法|细则))的通知\s*$)")
# (counted: 关于印发…两个工作方案的通知 names no title; the notice's sentence 现将《…》《…》印发给你们 does)
ANNEX_LABEL = re.compile(r"^\s*附\s*件\s*[\d一二三四五六七八九十]{0,2}\s*[:：]?\s*$")  # 附件2 alone, above an annexed plan


@dataclass(frozen=True, slots=True)
class Part:
    """One plan's lines; `header` is the line that started it ('' when the text was not split)."""

    header: str
    header_line: int
    lines: list[Line]
    source: Line | None = None  # the title line that started it (layout split only)


def compile_split(pattern: str | None) -> re.Pattern[str]:
    """The header pattern; raises re.error for a bad user pattern."""
    return re.compile(pattern if pattern else DEFAULT_SPLIT)


def split(lines: list[Line], header: re.Pattern[str]) -> tuple[list[Part], list[Line]]:
    """Plans in order, and the lines before the first header (not part of any plan)."""
    if header.pattern != DEFAULT_SPLIT:
        return _by_pattern(lines, header)
    parts, before = _by_pattern(lines, header)
    if len(parts) > 1 or parts[0].header:
        return [_titled_under(Part(p.header, p.header_line, _plain(p.lines), p.source), before) for p in parts], before
    listed = frozenset(_contents(lines) | _numbered_plans(lines))
    parts = _by_layout(lines, listed)
    if listed and len(parts) > 1 and not parts[0].header:  # a collection's title and its contents: no plan
        return parts[1:], parts[0].lines
    return parts, []


_CONTENTS = re.compile(r"^\s*目\s*录\s*[:：]?\s*$")
_LISTED = re.compile(r"^\s*(?:\d{1,2}\s*[.．、]|[（(]\d{1,2}[)）]|[一二三四五六七八九十]{1,2}\s*[、.．])\s*(?P<title>.+?)\s*(?:[.…·]{2,}\s*\d*)?$")


_CN_NUMBER = re.compile(r"^\s*(?:(?P<n>[一二三四五六七八九十]{1,2})\s*[、.．]|第(?P<part>[一二三四五六七八九十]{1,2})(?:部分|章))\s*")
_SUB_HEADING = re.compile(r"^\s*(?:[（(]\s*一\s*[)）]|一\s*[、.．])")


def _numbered_plans(lines: list[Line]) -> set[str]:
    """Plans numbered 一、…方案, 二、…方案 (or 第一部分　…方案) in one document (a township's plans for its villages),
    each with its own outline (（一）… or 一、… under it): their titles; empty unless two or more, numbered in order."""
    found: list[str] = []
    for i, ln in enumerate(lines):
        m = _CN_NUMBER.match(key(ln.text))
        title = title_of(ln.text[m.end():]) if m else ""
        if m and title and any(_SUB_HEADING.match(key(x.text)) for x in lines[i + 1:i + 4]):
            if (m["n"] or m["part"]) != "一二三四五六七八九十"[len(found)]:
                return set()
            found.append(fold(title))
    return set(found) if len(found) >= 2 else set()


def _contents(lines: list[Line]) -> set[str]:
    """The titles a table of contents (目录, then numbered plan titles) lists near the top; empty without one."""
    start = next((i for i, ln in enumerate(lines[:12]) if _CONTENTS.match(key(ln.text))), None)
    if start is None:
        return set()
    listed: set[str] = set()
    for ln in lines[start + 1:start + 41]:
        m = _LISTED.match(key(ln.text))
        if not m or not title_of(m["title"]):
            break
        listed.add(fold(title_of(m["title"])))
    return listed if len(listed) >= 2 else set()


def _by_pattern(lines: list[Line], header: re.Pattern[str]) -> tuple[list[Part], list[Line]]:
    parts: list[Part] = []
    before: list[Line] = []
    for line in lines:
        if header.search(line.text) or header.search(key(line.text)):
            parts.append(Part(_header_title(line.text), line.no, [], line))
        elif parts:
            parts[-1].lines.append(line)
        else:
            before.append(line)
    if not parts:
        return [Part("", 0, before)], []
    return [p for p in parts if any(x.text.strip() for x in p.lines)], before


def _titled_under(part: Part, before: list[Line]) -> Part:
    """社区帮扶工作方案 篇1 over 阳光社区2024年…方案: the header names the collection, the line under it is the plan's
    title (the header is then listed with the lines before the plans, as left out)."""
    first = next((ln for ln in part.lines if ln.text.strip()), None)
    title = title_of(first.text) if first is not None and part.header else ""
    if not title or fold(title) == fold(part.header) or part.source is None:
        return part
    before.append(part.source)
    return Part(title, part.header_line, [ln for ln in part.lines if ln is not first], first)


def _header_title(text: str) -> str:
    """The header line as the plan's title: `篇一：…方案` -> `…方案`; `送教帮扶方案篇三` stays as it is."""
    text = text.strip().lstrip("#").strip()
    if _BARE_HEADER.match(key(text)):
        return ""  # 【篇一】 names no plan: its title is the line under it
    label = _LABELLED.match(key(text))
    return text[label.start("title"):].strip() if label and label["title"].strip() else text


def _plain(lines: list[Line]) -> list[Line]:
    """The lines of a plan without page-break marks and separator lines (————), which are no plan text."""
    return [ln for ln in lines if ln.text.strip() != PAGE_BREAK and not _SEPARATOR.match(ln.text)]


_SPACED = re.compile(r"(?:\S{1,4}[ \u3000]+){4,}\S{1,4}")


def title_of(text: str) -> str:
    """The plan title a line is ('' when it is none): `…方案`, `# …方案（二）`, `【…方案一】`; a title pasted with
    spaces between its words (`双 牌 县 2024 年 竹 产 业 帮 扶 方 案`) without them."""
    k = key(text).strip().lstrip("#").strip()
    if _SPACED.fullmatch(k):
        return title_of(re.sub(r"\s+", "", text))
    tag = _TAG.match(k)
    if tag and title_of(k[tag.end():]):  # 【通知】…方案: a site's tag before the title
        return text.strip().lstrip("#").strip()[tag.end():].strip()
    label = _LABELLED.match(k)
    if label and title_of(k[label.start("title"):]):  # 方案一：…方案
        return text.strip().lstrip("#").strip()[label.start("title"):].strip()
    m = _BRACKETED.match(k) or (_TITLE.match(k) if not _ITEM.match(k) else None)  # 2．…管理办法: an item
    return text.strip().lstrip("#").strip().strip("【】").strip() if m else ""


def _by_layout(lines: list[Line], listed: frozenset[str] = frozenset()) -> list[Part]:
    parts: list[Part] = [Part("", 0, [])]
    broken = False
    label: list[Line] = []  # 附件2 after a page break: it goes with the plan whose title follows
    for i, line in enumerate(lines):
        text = line.text.strip()
        if text == PAGE_BREAK or _SEPARATOR.match(text) or _END_MARK.match(text):
            broken = True
            continue
        if ANNEX_LABEL.match(key(text)) and (broken or _title_next(lines, i)):  # 附件2 above an annexed plan
            label.append(line)
            broken = True
            continue
        title = _line_title(text, listed)
        if title and _begins(title, listed, parts[-1].lines + label, lines[i:i + 4], broken):
            parts.append(Part(title, line.no, label, line))
        else:
            parts[-1].lines.extend(label + [line])
        broken, label = False, []
    parts[-1].lines.extend(label)
    return _no_empty(parts)


def _line_title(text: str, listed: frozenset[str]) -> str:
    """The plan title a line is; a numbered one (一、…方案) when the document numbers its plans."""
    return title_of(_CN_NUMBER.sub("", text, count=1)) if listed and _CN_NUMBER.match(key(text)) else title_of(text)


def _begins(title: str, listed: frozenset[str], current: list[Line], here: list[Line], broken: bool) -> bool:
    """The title line (here[0], with the lines under it) starts a plan after the lines of the current one."""
    return fold(title) in listed or _outline_restarts(current, here[1:]) or \
        _starts_plan(current, here[0].text.strip(), broken)


def _title_next(lines: list[Line], i: int) -> bool:
    nxt = next((ln.text for ln in lines[i + 1:] if ln.text.strip()), "")
    return bool(title_of(nxt))


def _no_empty(parts: list[Part]) -> list[Part]:
    """A title line with nothing after it but a signature starts no plan (附件：…管理办法 / 某局 / 2025年3月12日):
    it goes back, with its lines, to the plan before it."""
    out: list[Part] = []
    for part in parts:
        text = [x.text for x in part.lines if x.text.strip()]
        if any(not signature_line(t) for t in text) or (text and not out):
            out.append(part)
        elif out:
            out[-1].lines.extend(([part.source] if part.source is not None else []) + part.lines)
    return out




_FIRST_HEADING = re.compile(r"^\s*一\s*[、.．]")
_LATER_HEADING = re.compile(r"^\s*[二三四五六七八九十]{1,2}\s*[、.．]")


def _outline_restarts(current: list[Line], ahead: list[Line]) -> bool:
    """A title line after a plan whose outline went past 一、, with 一、 again within the lines under it: the
    title of the next plan (two plans pasted one after the other, nothing else between them)."""
    k = [key(ln.text) for ln in current]
    return any(_FIRST_HEADING.match(t) for t in k) and any(_LATER_HEADING.match(t) for t in k) and \
        any(_FIRST_HEADING.match(key(ln.text)) for ln in ahead)


def _introduced(body: list[str], text: str) -> bool:
    """The title line names a document the issuing notice at the top introduced, and none of them is titled
    yet: the first plan of the notice. (A notice issuing 《A》《B》: A continues the notice, B starts a plan.)"""
    named = _issued(body)
    at = next((i for i, t in enumerate(body[:6]) if NOTICE.search(key(t))), 0)
    return names_one_of(text, named) and not any(names_one_of(t, named) for t in body[at + 1:])


def _issued(body: list[str]) -> set[str]:
    """The folded titles the issuing notice at the top issues (none without one; a page's heading above the notice
    titles none)."""
    at = next((i for i, t in enumerate(body[:6]) if NOTICE.search(key(t))), None)
    return {fold(t) for t in issued_titles(body[at], body[at + 1:])} if at is not None else set()


def issued_titles(notice: str, below: list[str]) -> list[str]:
    """The titles a notice's title line issues (印发《A》《B》的通知, 印发A的通知), or, when it only counts them
    (印发…两个工作方案的通知) or names several without 《》, those its sentence names (现将《A》《B》印发给你们)."""
    m = NOTICE.search(key(notice))
    if m is None:
        return []
    named = next((found for t in below if "印发" in key(t) and (found := re.findall(r"《([^》]+)》", t))), [])
    if m["titles"]:
        return re.findall(r"《([^》]+)》", notice[m.start("titles"):m.end("titles")])  # the key is the text simplified
    if m["bare"] and len(named) < 2:  # 印发A和B的通知 with 现将《A》《B》印发: the two
        bare = notice[m.start("bare"):m.end("bare")].strip()  # 印发2024年…方案的通知 with 现将《某局2024年…方案》: the whole
        return [named[0] if named and fold(named[0]).endswith(fold(bare)) else bare]
    return named


def names_one_of(text: str, named: set[str]) -> bool:
    """The line's title is one of the folded titles, or one of them after its issuer's name (湘江路桥建设集团有限公司
    2024年…方案 for the notice's 《2024年…方案》)."""
    title = fold(title_of(text))
    return bool(title) and any(title == n or (len(n) >= 8 and title.endswith(n)) for n in named)


def _attached(body: list[str], text: str) -> bool:
    """The title is one the plan lists among its attachments (附件：1．…考核细则), and no notice issues it as a plan."""
    start = next((i for i in range(len(body) - 1, -1, -1) if _ATTACHMENT.match(key(body[i]).strip())), None)
    if start is None or any(NOTICE.search(key(t)) and fold(title_of(text)) in fold(t) for t in body[:6]) \
            or names_one_of(text, _issued(body)):
        return False
    listed = {fold(_LIST_NUMBER.sub("", _ATTACHMENT.sub("", key(t).strip()))) for t in body[start:]}
    return fold(title_of(text)) in listed


_LIST_NUMBER = re.compile(r"^\s*\d{1,2}\s*[.．、]\s*")


def _closed(line: str) -> bool:
    """The line closes a plan: its signature's date (二〇二四年二月二十六日 too), an attachment, its date in force."""
    last = arabic_dates(key(line)).strip()
    return bool(DATE_LINE.match(last) or ORG_DATE_LINE.match(last) or _ATTACHMENT.match(last) or _IN_FORCE.match(last))


def _starts_plan(current: list[Line], text: str, broken: bool) -> bool:
    """A title line starts a new plan: after a break or a signature, or numbered, and not the notice's own."""
    body = [ln.text for ln in current if ln.text.strip()]
    if len(body) < 3 or (_ATTACHMENT.match(key(text).strip()) and not broken):  # 附件：…评估细则 lists an annex;
        return False  # after a page break, 附件2：…方案 titles an annexed plan
    headed = text.lstrip().startswith("# ")  # a document title (Word's Title style, Markdown's #) after a plan's text
    if _introduced(body, text) or (_attached(body, text) and not (headed and broken)):
        return False  # the plan the issuing notice introduced; an annex the plan lists as its attachment (but one
        # titled as a document of its own on a page of its own is a plan: 附件 / # …安全工作方案)
    signed = _closed(body[-1])
    bracketed = bool(_BRACKETED.match(key(text).strip()) or _LABELLED.match(key(text).strip()))
    return broken or signed or bracketed or headed or bool(_NUMBERED.search(title_of(text)))
