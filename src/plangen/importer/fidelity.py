"""Nothing lost silently: every sentence of the source is in the imported plans, or reported.

A sentence is kept when each of its fragments is found in the plan data (compared without spaces
and punctuation). Fragments are what is left between the parts the importer turns into structure:
outline numbers, role labels (组长：), dates (written as ISO in the plan), brackets. A person's
organisation and title are compared joined (县教育局局长), as the source writes them. Pure.
"""

from __future__ import annotations

import re
from typing import Any

from .. import cntext
from ..cnposts import split_title, split_titles
from ..plantables import HEADER_WORDS, is_header_row, spaced_roles
from ..vocabulary import TOP_LABELS, fold
from .cleaning import Line
from .hanzi import key
from .outline import BULLETS
from .reading import PAGE_BREAK

# Every role word as a label may write it (组　长：, 成　员：), longest first.
_SPACED_ROLES = spaced_roles()
_DATE_WORDS = r"(?:上中旬|中下旬|上旬|中旬|下旬|初|底|末|份)?(?:以前|之前|前|以后|之后)?(?:完成|完毕|办结)?"  # 9月底前(完成), 6月1日以后: the date
_SENTENCE = re.compile(r"[^。！？；!?;]+")
_STRUCTURE = re.compile(
    r"(?:\d{4}|20[xX]{2})\s*(?:年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?|[.\-/]\d{1,2}(?:[.\-/]\d{1,2})?)" + _DATE_WORDS +
    r"|\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?" + _DATE_WORDS + r"|\d{1,2}\s*[日号]" + _DATE_WORDS +
    r"|[〇○零一二三四五六七八九]{4}\s*年\s*[一二三四五六七八九十]{1,2}\s*月(?:\s*[一二三四五六七八九十]{1,3}\s*日)?"
    r"|(?<![〇○零一二三四五六七八九十])[一二三四五六七八九十]{1,2}\s*月\s*[一二三四五六七八九十]{1,3}\s*日"
    r"|(?:次|翌|来|当|本|同)年(?=\s*\d{1,2}\s*月)|(?:\d{4}\s*)?年\s*[底末]|(?<=[至到])\s*(?:本|当)?月\s*[底末]"
    r"|^\s*#+|^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[.．、]|[①-⑳])"
    r"|(?:" + _SPACED_ROLES + r"|附件\s*\d*)\s*[:：]"
    r"|\d{1,2}\s*[.．、](?!\d)|\d{1,2}\s*[.．、](?=\d{4}\s*年|\d{1,2}\s*月)|(?<=[\u4e00-\u9fff])[一二三四五六七八九十]{1,3}、"
    r"|[（(]?附件(?:从|已)?略[)）]?"  # 活动安排1．2月…, …校长四、活动安排: numbers run into a paste's words; （附件略）: a note
    r"|即日起?|从|开始|截止|截至|结束|为止|以前|之前|同志|^\s*[【\[]?\s*(?:方案|计划|篇)[一二三四五六七八九十\d]{1,3}|篇[一二三四五六七八九十\d]{1,3}(?=\s*[】\]]?\s*$)"
    r"|^\s*第[一二三四五六七八九十\d]{1,3}(?:部分|章|篇)|^\s*附\s*件\s*\d{1,2}\s*$"  # 附件2: an annex's label
    r"|(?:范文|范例|例文|样文|精选)[一二三四五六七八九十\d]{1,3}(?=\s*[】\]]?\s*[:：]?\s*$)"
    r"|(?<![\d.])(?:1[0-2]|0?[1-9])[.．](?:3[01]|[12]\d|0?[1-9])(?![\d.])(?=\s*[—\-~～至到）)])"
    r"|(?<=[—\-~～至到])\s*(?:1[0-2]|0?[1-9])[.．](?:3[01]|[12]\d|0?[1-9])(?![\d.])"
    r"|(?:^|(?<=[：:\s]))\s*(?:[一二三四五六七八九十]{1,2}是|首先|其次|再次|然后|最后)"
    r"|</?[a-zA-Z][a-zA-Z0-9]{0,10}(?:\s[^<>]{0,80})?/?>"  # HTML tags, removed in cleaning (reported)
    r"|大[ \u3000]+中[ \u3000]+小"  # a page's font switch glued to the text after it in a paste (字号：大 中 小为加快…)
    r"|\d\ufe0f?\u20e3|[（()）【】《》\[\]|/／：:，,、—\-~～至到起止\s▍▎▌▋▊▉◎○◇\ufe0f" + BULLETS + "]"  # a list's bullets
)
_RULE_ROW = re.compile(r"^\s*\|(?:\s*:?-{2,}:?\s*\|)+\s*$")
_WORDY = re.compile(r"[\w]")
# Words that are structure where they stand alone: table headers and group roles.
_STRUCTURE_WORDS = frozenset(fold(w) for w in (
    "姓名", "职务", "单位", "工作单位", "小组职务", "组内职务", "分工", "阶段", "时间", "主要任务", "工作任务",
    "工作内容", "责任单位", "负责单位", "责任人", "负责人", "组长", "副组长", "常务副组长", "成员", "组员", "顾问",
    "秘书长", "附件", "全文完", "end", "本方案实施时间", "实施时间", "本方案", "时限", "盖章", "印章", "公章", "签章", "印发",
    *HEADER_WORDS))


def plan_text(plans: list[dict[str, Any]], dropped: list[str]) -> str:
    """All the text of the plans and of the lines reported as left out, folded."""
    out: list[str] = list(dropped)
    for data in plans:
        out.extend(_strings(data))
        out.extend(TOP_LABELS.values())
    return fold("\n".join(out))


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        org_title = value.get("org", "") + value.get("title", "")
        joined = [org_title, org_title + value.get("name", "")] if "name" in value else []
        return joined + list(value) + [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [str(value)] if value is not None else []


def _fragments(text: str) -> list[str]:
    """The text between its structure, folded; structure is found on the simplified reading (副組長： too)."""
    k = key(text)
    out, pos = [], 0
    for m in _STRUCTURE.finditer(k):
        out.append(text[pos:m.start()])
        pos = m.end()
    out.append(text[pos:])
    return [fold(f) for f in out]


def _structure_word(fragment: str) -> bool:
    return fragment in _STRUCTURE_WORDS or fold(key(fragment)) in _STRUCTURE_WORDS


def leftover(text: str) -> str:
    """The words of a text beyond its dates and structure (本方案实施时间从…开始 -> ''), folded."""
    fragments = _fragments(text)
    return "".join(f for f in fragments if len(f) >= 2 and _WORDY.search(f) and not _structure_word(f)
                   and not re.fullmatch(r"(?:自|于|在)?(?:起)?(?:实施|执行|施行)?", f))


UNPLACED = "未归入的原文"  # the section that keeps, as written, every sentence no field of a plan took


def keep_unplaced(data: dict[str, Any], sentence: str) -> None:
    """The safety net: a sentence no field took is kept as written in the plan's section UNPLACED."""
    sections = data.setdefault("sections", [])
    kept = next((s for s in sections if isinstance(s, dict) and s.get("title") == UNPLACED), None)
    if kept is None:
        sections.append({"title": UNPLACED, "body": sentence})
    else:
        kept["body"] += "\n\n" + sentence


def _found(fragment: str, text: str) -> bool:
    """In the output as written, in two pieces the importer parted (指导思想 | 坚持…), or as a post whose
    body, only implied, the importer leaves out (局党组书记 -> 党组书记), alone or before its holder's name
    (公司党群工作部部长刘芳)."""
    if _in_pieces(fragment, text, 3):
        return True  # parted by the importer: a heading run into its text, a title between a breadcrumb and its date
    if all(piece in text for piece in _AND_GROUP.split(fragment)):
        return True  # 孙涛及各支行行长: a name, then 及 and a group
    return _implied_post(fragment, text) or any(
        fragment[-n:] in text and _implied_post(fragment[:-n], text) for n in (2, 3, 4) if len(fragment) > n + 2)


_AND_GROUP = re.compile(rf"(?<=[\u4e00-\u9fff]{{2}})(?={cntext.AND_A_GROUP})")


def _in_pieces(fragment: str, text: str, pieces: int) -> bool:
    """The fragment is in the text whole, or in at most `pieces` pieces, each of four characters (or digits: 浏览次数：87
    | 为切实…) or more but the last (two or more). The longest start found first: a shorter one leaves a longer rest, found no more often."""
    if fragment in text:
        return True
    low, high = 0, len(fragment) - 2  # the longest start in the text, leaving two characters or more
    while low < high:
        mid = (low + high + 1) // 2
        low, high = (mid, high) if fragment[:mid] in text else (low, mid - 1)
    rest = fragment[low:].removeprefix("及").removeprefix("和")  # 主任裘志明及各临床科室主任: a person, 及, a group
    return pieces > 1 and (low >= 4 or fragment[:low].isdigit()) and _in_pieces(rest, text, pieces - 1)


def _implied_post(fragment: str, text: str) -> bool:
    title, org = split_titles(fragment) if "、" in fragment else split_title(fragment)
    return not org and title != fragment and fragment.endswith(title) and title in text


def lost(lines: list[Line], plans: list[dict[str, Any]], dropped: list[str]) -> list[tuple[int, str]]:
    """(line, sentence) of every source sentence with a fragment found nowhere in the output."""
    text = plan_text(plans, dropped)
    missing: list[tuple[int, str]] = []
    for i, line in enumerate(lines):
        if line.text.strip() == PAGE_BREAK or _RULE_ROW.match(line.text) or is_header_row(line.text) or \
                (i + 1 < len(lines) and _RULE_ROW.match(lines[i + 1].text)):
            continue  # a table's rule row and its header row: the columns became fields
        for m in _SENTENCE.finditer(line.text):
            sentence = m.group(0).strip()
            fragments = _fragments(sentence)
            if any(len(f) >= 2 and _WORDY.search(f) and not _found(f, text) and not _structure_word(f)
                   for f in fragments):
                missing.append((line.no, sentence))
    return missing
