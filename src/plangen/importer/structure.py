"""A plan's lines -> closing lines, and a sequence of chunks (headed parts, lists, paragraphs).

A chunk is what one part of the plan may be: a heading with what is under it, a list whose
heading was lost (a numbering that restarts at 1 begins a new one), a paragraph, or a block of
signature lines (issuer, date, a title) found in the middle of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..wording import Wording
from .cleaning import Line
from .hanzi import key
from .outline import Node, heading_of

_DATE = r"(?:\d{4}|[xX]{4}|20[xX]{2})\s*(?:年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?|[.\-/／]\d{1,4}(?:[.\-/／]\d{1,2})?)"
_ISSUED = r"(?:印发|发布|制发)?"  # 2024年2月26日印发
DATE_LINE = re.compile(rf"^\s*(?P<date>{_DATE})\s*{_ISSUED}\s*[。.]?\s*$")
ORG_DATE_LINE = re.compile(rf"^\s*(?P<org>[^\d，,。；;：:、\s]{{2,30}}?)(?<![至到起止于])\s*(?P<date>{_DATE})\s*{_ISSUED}\s*[。.]?\s*$")
# 某镇人民政府2024年3月28日; not 即日起至2024年10月31日 (a range's end)
SEAL = re.compile(r"\s*[（(](?:盖章|印章|公章|签章|签字|签名)[)）]\s*$")  # 连山镇人民政府（盖章）
# How a signature's organisation line ends: stricter than cnposts.ORG_SUFFIXES, whose 行, 股, 台 alone also end
# words that close a sentence's last line (认真执行).
_ORG_SUFFIX = ("小学", "中学", "学校", "大学", "幼儿园", "园", "局", "委员会", "委", "办公室", "办", "政府", "公司", "中心",
               "院", "会", "部", "镇", "乡", "村", "街道", "社区", "支部", "党委", "处", "厅", "所", "站", "队", "校",
               "场", "厂", "馆", "社", "联", "银行", "分行", "支行", "集团", "协会", "合作社", "联合社",
               "党组", "党工委", "党总支", "工作室", "教研室", "卫生室", "研究室", "中专", "职专", "主席团", "段", "煤矿")
NUMBER_LINE = re.compile(r"^[^，,。；;：:《》]{0,20}[〔\[【(（]\s*(?:\d{4}|20[xX]{2})\s*[〕\]】)）]\s*(?:第\s*)?\d+\s*号$")  # 澄教发〔2024〕31号, a document number alone
TITLE_LINE = re.compile(r"^[^，,；;：:]{4,40}(?:方案|计划|意见|办法|细则|规划)[。.]?$")


@dataclass(slots=True)
class Chunk:
    """One candidate part. kind: heading | list | para | signature."""

    kind: str
    nodes: list[Node] = field(default_factory=list)
    lead: list[Line] = field(default_factory=list)
    part: str | None = None
    how: str | Wording = ""  # "heading", or why the part was inferred

    @property
    def first_line(self) -> int:
        lines = [ln.no for ln in self.lead] + [n.line.no for n in self.nodes]
        return min(lines) if lines else 0

    def lines(self) -> list[Line]:
        out = list(self.lead)
        for node in self.nodes:
            out.extend(node.all_lines())
        return sorted(out, key=lambda ln: ln.no)

    def text(self, sep: str = "\n") -> str:
        return sep.join(ln.text for ln in self.lines())


def is_org_line(text: str) -> bool:
    k = _BRANCH.sub("", SEAL.sub("", key(text)).strip().rstrip("。."))  # 某县烟草专卖局（分公司）
    return 2 <= len(k) <= 25 and not re.search(r"[，,；;：:、\s]", k) and k.endswith(_ORG_SUFFIX)


_BRANCH = re.compile(r"[（(](?:分公司|公司|分局|分行|支行)[)）]$")


def signature_line(text: str) -> bool:
    """A line of a signature: an organisation's name, a date (二〇二四年三月一日 too), or both."""
    k = arabic_dates(key(text)).strip()
    return bool(DATE_LINE.match(k) or ORG_DATE_LINE.match(k) or is_org_line(text))


_CN_DIGIT = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0", "○": "0", "Ｏ": "0"}
_CN_DATE = re.compile(r"(?P<y>[〇○Ｏ零一二三四五六七八九]{4})\s*年\s*(?P<m>[一二三四五六七八九十]{1,2})\s*月"
                      r"(?:\s*(?P<d>[一二三四五六七八九十]{1,3})\s*日)?")
_CN_MONTH_DAY = re.compile(r"(?<![〇○Ｏ零一二三四五六七八九十])(?P<m>十[一二]?|[一二三四五六七八九])\s*月\s*"
                           r"(?P<d>[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\s*日")


def _cn_small(text: str) -> str:
    """'十二' -> '12', '二十五' -> '25', '三' -> '3'."""
    if "十" not in text:
        return _CN_DIGIT.get(text, text)
    tens, _, ones = text.partition("十")
    return str(int(_CN_DIGIT.get(tens, "1") if tens else "1") * 10 + int(_CN_DIGIT.get(ones, "0") if ones else "0"))


def arabic_dates(text: str) -> str:
    """'二〇二四年三月二十五日' (the date of an official signature) -> '2024年3月25日'; a month and day without
    the year too ('至三月十五日' -> '至3月15日')."""
    def one(m: re.Match[str]) -> str:
        year = "".join(_CN_DIGIT[c] for c in m["y"])
        return f"{year}年{_cn_small(m['m'])}月" + (f"{_cn_small(m['d'])}日" if m["d"] else "")
    text = _CN_DATE.sub(one, text)
    return _CN_MONTH_DAY.sub(lambda m: f"{_cn_small(m['m'])}月{_cn_small(m['d'])}日", text)


def is_signature(lines: list[Line], i: int) -> bool:
    """A line of a signature block: a date, an organisation with a date, an organisation before a date."""
    k = arabic_dates(key(lines[i].text))
    if DATE_LINE.match(k) or ORG_DATE_LINE.match(k):
        return True
    nxt = arabic_dates(key(lines[i + 1].text)) if i + 1 < len(lines) else ""
    return is_org_line(lines[i].text) and bool(DATE_LINE.match(nxt))


def closing_lines(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """(body, closing): the signature lines at the very end (issuer, date) split off."""
    end = len(lines)
    while end > 0 and (is_signature(lines, end - 1) or (end < len(lines) and is_org_line(lines[end - 1].text))):
        end -= 1
        if len(lines) - end >= 3:
            break
    return lines[:end], lines[end:]


def chunks_of(lines: list[Line]) -> list[Chunk]:
    """The plan body as chunks, in order."""
    roots = _roots(lines)
    chunks: list[Chunk] = []
    for item in roots:
        if isinstance(item, tuple):
            _add_signature(chunks, item[1])
        elif isinstance(item, Line):
            chunks.append(Chunk("para", lead=[item]))
        else:
            _add_node(chunks, item)
    return chunks


_Sig = tuple[str, Line]


def _roots(lines: list[Line]) -> list[Node | Line | _Sig]:
    """Top-level sequence; nested headings go under their parents, paragraphs under headings."""
    roots: list[Node | Line | _Sig] = []
    stack: list[Node] = []
    pending: list[Line] = []
    for i, line in enumerate(lines):
        if _signs(lines, i):
            _flush(roots, stack, pending, restart=True)
            roots.append(("sig", line))
            stack = []
            continue
        node = _heading_under(line, stack)
        if node is None:
            pending.append(line)
            continue
        restart = _restarts(node, stack)
        _flush(roots, stack, pending, restart)
        if _labelled(node):  # 活动时间：… holds its own text only; the part it stands in goes on
            roots.append(node)
            continue
        if restart:
            stack = []
        while stack and stack[-1].rank >= node.rank:
            stack.pop()
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    _flush(roots, stack, pending, restart=False)
    return roots


def _signs(lines: list[Line], i: int) -> bool:
    """Line i is a signature's (not a date over the text it dates), or a title line right after one."""
    return (is_signature(lines, i) and not _date_over_text(lines, i)) or \
        bool(TITLE_LINE.match(key(lines[i].text)) and _sig_before(lines, i))


def _heading_under(line: Line, stack: list[Node]) -> Node | None:
    """The heading a line is, under the open headings; 时间：… under a step or an item is a line of that item,
    not the plan's period."""
    node = heading_of(line)
    return None if node is not None and _labelled(node) and stack and stack[-1].rank > 1.5 else node


def _labelled(node: Node) -> bool:
    """A labelled line (实施时间：2024年3月—6月), not a heading: it holds its own text only."""
    return node.numbering is None and bool(node.body)


def _date_over_text(lines: list[Line], i: int) -> bool:
    """A date alone on its line, not under an issuer, above a line of text (2024年3月 / 摸底调研阶段：…): the date
    of what follows, not a signature."""
    if lines[i].text.lstrip().startswith("#"):
        return True  # a Markdown heading (### 2024年3月) is never a signature
    nxt = next((j for j in range(i + 1, len(lines)) if lines[j].text.strip()), None)
    if not DATE_LINE.match(arabic_dates(key(lines[i].text))) or nxt is None:
        return False
    after = lines[nxt].text
    return not (i > 0 and is_org_line(lines[i - 1].text)) and not is_signature(lines, nxt) and \
        not TITLE_LINE.match(key(after)) and len(after.strip()) > 8


def _sig_before(lines: list[Line], i: int) -> bool:
    return i > 0 and is_signature(lines, i - 1)


def _restarts(node: Node, stack: list[Node]) -> bool:
    """A list numbered from 1 again, in the style of the outermost open heading: a new part."""
    n = node.numbering
    top = stack[0].numbering if stack else None
    return bool(n and top and n.value == 1 and n.style == top.style and top.rank >= 2)


def _flush(roots: list[Node | Line | _Sig], stack: list[Node], pending: list[Line], restart: bool) -> None:
    if pending and stack and not restart:
        stack[-1].lines.extend(pending)
    else:
        roots.extend(pending)
    pending.clear()


def _add_signature(chunks: list[Chunk], line: Line) -> None:
    if chunks and chunks[-1].kind == "signature":
        chunks[-1].lead.append(line)
    else:
        chunks.append(Chunk("signature", lead=[line]))


def _add_node(chunks: list[Chunk], node: Node) -> None:
    if node.part or node.rank <= 1.5:
        chunks.append(Chunk("heading", nodes=[node]))
        return
    last = chunks[-1] if chunks else None
    n = node.numbering
    if last and last.kind == "list" and n and last.nodes[-1].numbering and n.value != 1 \
            and last.nodes[-1].numbering.style == n.style:
        last.nodes.append(node)
    elif last and last.kind == "para" and re.search(r"[：:]\s*$", last.lead[-1].text):
        last.kind = "list"
        last.nodes.append(node)
    else:
        chunks.append(Chunk("list", nodes=[node]))
