"""Numbered headings in every common style, nested by rank, with run-on headings split off.

Styles, outermost first: 第一部分/第一章 > 一、 and 第一条 > 第一阶段 > (一) （一） > 1. 1、 1 > 3.1 > (1) （1） > 1) > ① >
- • ▲ (bullets).
A style met again closes the deeper ones (it is a sibling); a more outer style closes everything
below it. Unnumbered lines are paragraphs of the heading above them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import plantables
from ..vocabulary import leading_part_name, recognise_heading
from .cleaning import Line
from .hanzi import key

_CN = "一二三四五六七八九十百零〇两"
BULLETS = "•●■◆▲△►▶★☆◇□📌👉✅🔹🔸➤➢✔⏰‼❗"  # also the emoji a chat message bullets with
_STYLES: tuple[tuple[str, float, re.Pattern[str]], ...] = (
    ("part", 0, re.compile(rf"^第(?P<n>[{_CN}\d]+)(?:部分|章|篇)(?P<sep>[、.．:：\s]*)")),
    ("article", 1, re.compile(rf"^第(?P<n>[{_CN}\d]+)条(?P<sep>[、.．:：\s]*)")),
    ("phase", 1.5, re.compile(rf"^第(?P<n>[{_CN}\d]+)(?:阶段|步|批)")),
    ("cn", 1, re.compile(rf"^(?P<n>[{_CN}]{{1,3}})(?P<sep>[、.．]\s*)")),
    ("paren-cn", 2, re.compile(rf"^[（(]\s*(?P<n>[{_CN}]{{1,3}})\s*[)）](?P<sep>[、.．:：\s]*)")),
    ("arabic", 3, re.compile(r"^(?P<n>\d{1,2})(?P<sep> ?[、．]\s*|\.(?!\d{1,2}(?![\d月]))\s*)")),  # 1 、: a chat's stray space
    ("keycap", 3, re.compile(r"^(?P<n>\d)\ufe0f?\u20e3(?P<sep>\s*)")),  # 1️⃣ in a chat message
    ("arabic-space", 3, re.compile(r"^(?P<n>\d{1,2})(?P<sep>[ \u3000]+)(?=[\u4e00-\u9fff])(?![年月日号个名人户次天周所万元岁])")),
    ("decimal", 3.5, re.compile(r"^\d{1,2}\.(?P<n>\d{1,2})(?P<sep>[ \u3000]+)(?=\D)")),  # 3.1 需求调查
    ("paren-arabic", 4, re.compile(r"^[（(]\s*(?P<n>\d{1,2})\s*[)）](?P<sep>[、.．:：\s]*)")),
    ("half-paren", 4.5, re.compile(r"^(?P<n>\d{1,2})[)）](?P<sep>\s*)")),
    ("circled", 5, re.compile(r"^(?P<n>[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])(?P<sep>[、.．\s]*)")),
    ("bullet", 6, re.compile(rf"^(?P<n>[-*+](?=\s)|[{BULLETS}]\ufe0f?)(?P<sep>\s*)")),  # ▲4月1日…: no space needed
)
_MD_HEADING = re.compile(r"^(#{1,6})\s+")
_LABELLED = re.compile(r"^\s*(?P<label>[^：:，,。；;\s]{2,8})\s*[：:]\s*(?=\S)")
_TITLE_END = re.compile(r"[：:。]")
_PART_END = re.compile(r"[：:。、，,;；]")


@dataclass(frozen=True, slots=True)
class Numbering:
    style: str
    rank: float
    value: int
    width: int  # characters taken by the number and its separator


@dataclass(slots=True)
class Node:
    """A heading and what belongs to it. `title` is '' when the line is a numbered sentence."""

    line: Line
    numbering: Numbering | None
    title: str
    body: list[str]
    part: str | None = None  # the plan part its title names, if any
    heading: str = ""  # the heading as the author wrote it, numbering included
    lines: list[Line] = field(default_factory=list)  # paragraphs under the heading
    children: list[Node] = field(default_factory=list)

    def all_lines(self) -> list[Line]:
        """The heading line and everything under it, as written."""
        out = [self.line] + self.lines
        for child in self.children:
            out.extend(child.all_lines())
        return sorted(out, key=lambda ln: ln.no)

    @property
    def rank(self) -> float:
        return self.numbering.rank if self.numbering else 1.0


def cn_number(text: str) -> int:
    """'十二' -> 12, '二十' -> 20, '3' -> 3, '②' -> 2."""
    text = text.rstrip("\ufe0f")  # ‼️: an emoji bullet with its presentation mark
    if text.isdecimal():
        return int(text)
    if text in "-*+" + BULLETS:
        return 0
    if len(text) == 1 and "①" <= text <= "⑳":
        return ord(text) - ord("①") + 1
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
    total, current = 0, 0
    for ch in text:
        if ch in digits:
            current = digits[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
    return total + current


def numbering(text: str) -> Numbering | None:
    """The outline number at the start of a line, if any."""
    k = key(text)
    for style, rank, pattern in _STYLES:
        m = pattern.match(k)
        if m and k[m.end():].strip():
            return Numbering(style, rank, cn_number(m["n"]), m.end() if style != "phase" else 0)
    return None


def split_heading(rest: str, top: bool = True) -> tuple[str, str, str | None]:
    """Run-on heading: '指导思想:以…' -> ('指导思想', '以…', 'guiding_thought'); a sentence -> ('', rest, None).
    `top`: a heading of a part's rank (一、), whose part name may run on into its text without a stop."""
    k = key(rest)
    m = _PART_END.search(k)
    head = k[: m.start()] if m else k
    part = recognise_heading(head) if head and len(head) <= 20 else None
    lead = _run_on_lead(head, k[m.end():] if m else "") if top else ""
    if lead:  # 指导思想坚持…, 工作目标2024年完成…, 组织机构组长：…: a paste's heading run into its text
        return rest[:len(lead)].strip(), rest[len(lead):].strip(), recognise_heading(lead)
    if part:
        cut = m.end() if m else len(rest)
        return rest[: len(head)].strip(), rest[cut:].strip(), part
    m = _TITLE_END.search(k)
    if m and 0 < m.start() <= 20:
        return rest[: m.start()].strip(), rest[m.end():].strip(), None
    if len(rest) <= 40 and not re.search(r"[；;。！!？?]", k):
        return rest.strip(), "", None
    return "", rest.strip(), None


_SENTENCE_OPENS = re.compile(r"(?:各|要|为|以|坚持|对|在|通过|按照|根据|围绕|聚焦|全面|进一步|\d)")  # not 和基本原则


def _run_on_name(head: str, after: str) -> str:
    """The part name opening a heading that runs on into a clause of text with more text after it; ''."""
    lead = leading_part_name(head) if after.strip() else ""
    rest = head[len(lead):]
    return lead if lead and (len(rest) >= 6 or _SENTENCE_OPENS.match(rest)) else ""


def _run_on_lead(head: str, after: str) -> str:
    """The part name a heading opens with when its text runs on after it: a clause (_run_on_name), or a role's
    label (组织机构组长：…, the group's first line); ''."""
    lead = _run_on_name(head, after)
    if lead:
        return lead
    name = leading_part_name(head)
    return name if name and plantables.labelled_role(head[len(name):]) else ""


def heading_of(line: Line) -> Node | None:
    """A Node when the line is a heading: numbered, a Markdown heading, or a bare part name."""
    text = line.text
    md = _MD_HEADING.match(text)
    if md:
        return _markdown_heading(line, md)
    found = numbering(text)
    if found:
        title, body, part = split_heading(text[found.width:], found.style in ("part", "cn"))  # 一、: a part's rank
        if found.style == "bullet" and part and not body:  # ● 指导思想: a heading marked with a bullet
            found = Numbering("bullet-heading", 1.0, 0, found.width)
        return Node(line, found, title, [body] if body else [], part, _written(text, title, found))
    labelled = _LABELLED.match(key(text))
    if labelled and recognise_heading(labelled["label"]) == "period":  # 实施时间：2023年3月1日—6月30日
        cut = labelled.end()
        return Node(line, None, text[:labelled.end("label")].strip(), [text[cut:].strip()], "period",
                    text[:labelled.end("label")].strip())
    bare = text.strip().rstrip("：:。. ")
    if bare and len(bare) <= 10:  # a short line only: 参与教师要认真落实帮扶任务 is a sentence
        part = recognise_heading(key(bare))
        if part:
            return Node(line, None, bare, [], part, bare)
    return None


def _markdown_heading(line: Line, md: re.Match[str]) -> Node:
    """'## 一、指导思想': the numbering inside gives the rank, not the #s."""
    inner = line.text[md.end():].replace("**", "").strip()
    inside = numbering(inner)
    title, body, part = split_heading(inner[inside.width:] if inside else inner,
                                      inside is None or inside.style in ("part", "cn"))
    rank = inside.rank if inside else max(0.0, len(md.group(1)) - 1.0)
    return Node(line, Numbering("markdown", rank, inside.value if inside else 0, 0), title or body,
                [body] if title and body else [], part, _written(inner, title, inside))


def _written(text: str, title: str, found: Numbering | None) -> str:
    """The heading as written: its numbering and its title ('一、总体要求'), without the run-on text."""
    if not title:
        return ""
    width = found.width if found else 0
    return (text.strip()[:width] + title).strip()
