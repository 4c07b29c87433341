"""Lines broken where the text was not: text copied from a PDF or a narrow web column.

A line cut inside brackets ('韩冬（县人' / '社局副局长）') is always joined to the next. Lines wrapped at a
fixed width ('…促进农村妇女' / '增收致富，…') are joined when the text shows the pattern at least twice: a
long line that ends in mid-sentence, followed by one that starts no heading, label, list, table or
signature. Headings and title lines are never joined to what follows them. Pure.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from .. import plantables
from ..cntext import role_of_label
from .cleaning import Line
from .hanzi import key
from .outline import numbering
from .splitting import NOTICE, title_of
from .structure import DATE_LINE, NUMBER_LINE, arabic_dates

_SENTENCE_END = "。；;：:！!？?…”」』）)》】"
_LABEL = re.compile(r"^[^，,。：:]{1,10}[：:]")
_MIN = 15  # a wrapped line is nearly as long as the column
_LABEL_AT_END = re.compile(r"[，,；;。]\s*([^，,；;。:：]{1,12})[:：]$")  # a role's label: its people on the next line


def join_open_brackets(lines: list[Line]) -> list[Line]:
    """A line cut inside brackets or a document's title (关于印发《…结对帮扶 / 瓶装…方案》 / 的通知) is joined to
    the next."""
    out: list[Line] = []
    for ln in lines:
        prev = out[-1].text if out else ""
        if prev and (_open(prev) or _open_title(prev, ln.text)) and len(prev) + len(ln.text) <= 200:
            out[-1] = Line(out[-1].no, prev.rstrip() + ln.text.strip())
        else:
            out.append(ln)
    return out


def join_hard_wraps(lines: list[Line]) -> list[Line]:
    """Lines wrapped at a fixed width joined back, when the text is so wrapped (two such breaks or more)."""
    breaks = {i for i in range(len(lines) - 1) if _wrapped(lines[i].text, lines[i + 1].text)}
    if len(breaks) < 2:
        return lines
    width = Counter(len(lines[i].text.strip()) for i in breaks).most_common(1)[0][0]  # the column's
    breaks |= {i for i in range(len(lines) - 1) if _closed_at_width(lines[i].text.strip(), lines[i + 1].text, width)
               or _labelled_at_width(lines[i].text.strip(), lines[i + 1].text, width)
               or _item_at_width(lines[i].text.strip(), lines[i + 1].text, width)}
    out: list[Line] = []
    for i, ln in enumerate(lines):
        if i - 1 in breaks:
            out[-1] = Line(out[-1].no, out[-1].text.rstrip() + ln.text.strip())
        else:
            out.append(ln)
    return out


def _closed_at_width(text: str, after: str, width: int) -> bool:
    """A line of the column's full width that ends on a closing bracket in mid-sentence (…根据省局（公司） /
    关于做好…): wrapped there, as the column's other lines are."""
    return text.endswith(("）", ")")) and len(text) >= width and not _open(text) and _wrapped(text[:-1], after)


def _labelled_at_width(text: str, after: str, width: int) -> bool:
    """A role's line of the column's full width that ends in mid-name (成　员：…、杉树 / 湾村党支部书记田建华): wrapped
    there, as the column's other lines are (a shorter one ends where its author ended it)."""
    return len(text) >= width and bool(_LABEL.match(key(text))) and not numbering(text) \
        and text[-1:] not in _SENTENCE_END and "、" in text and _goes_on(after)


def _item_at_width(text: str, after: str, width: int) -> bool:
    """A numbered item's line of the column's full width that ends in mid-word with no punctuation yet
    (（一）受援医院胸痛中心于2025年9月底前通过国家基层胸 / 痛中心认证。): wrapped there, as the column's other
    lines are (a heading is shorter than the column)."""
    return len(text) >= width and bool(numbering(text)) and text[-1:] not in _SENTENCE_END \
        and not re.search(r"\S\s+\S", text) and _goes_on(after)


def _label(text: str) -> bool:
    """A label opening a line (组长：…, 时间：…); not the end of a sentence cut by the column (…帮扶工 / 作领导小组：)."""
    m = _LABEL.match(key(text))
    return m is not None and not (m.end() == len(text) and role_of_label(text[:-1]) is None
                                  and (len(text) <= 8 or text[:-1].endswith(_GROUP_ENDS)))


_GROUP_ENDS = ("小组", "专班", "指挥部", "如下")  # …镇里成立冬春农田水利 / 建设工作领导小组：: the sentence's end


def _open(text: str) -> bool:
    return text.count("（") + text.count("(") > text.count("）") + text.count(")")


def _open_title(text: str, after: str) -> bool:
    """A document's title left open (《…), or a notice's title whose last words (的通知) are on the next line."""
    return text.count("《") > text.count("》") or (text.rstrip().endswith("》") and after.strip() in ("的通知", "的函"))


def _wrapped(line: str, after: str) -> bool:
    """`line` ends in mid-sentence at the width of the column and `after` goes on with it."""
    text = line.strip()
    at_end = _LABEL_AT_END.search(text)
    ended = text[-1:] in _SENTENCE_END and not (at_end and plantables.labelled_role(at_end[1]))  # …领导小组，组长：
    if len(text) < _MIN or ended or re.search(r"\S\s+\S", text) or title_of(text) \
            or NOTICE.search(key(text)) or NUMBER_LINE.match(key(text)) or not re.search(r"\w", text) \
            or text.endswith(("文件", "的通知")):  # a red header, a notice's title whose start the line before holds
        return False  # a separator line (————), a notice's title (…的通知), a document number, a red header
    if (numbering(text) or _LABEL.match(key(text))) and not re.search("[。；;，,]", text):
        return False  # a heading or a role line ends without punctuation; an item's sentence has some
    return _goes_on(after)


def _goes_on(after: str) -> bool:
    """`after` can be the rest of a sentence: no indent, heading, label, list, table, date, title or number."""
    nxt = after.strip()
    if not nxt or after[:1].isspace() or numbering(nxt) or _label(nxt) or nxt[0] in "#|-*•▲●【" \
            or unicodedata.category(nxt[0]) == "So":  # ⚠️, 🔸: a bullet opens the next item
        return False
    dated = DATE_LINE.match(arabic_dates(key(nxt))) and not nxt.endswith("。")  # a signature's date; not 2026年2月。
    return not dated and not title_of(nxt) and not NUMBER_LINE.match(key(nxt))
