"""Line breaks put back into text that lost them (a paste from a web page or a chat message).

A heading (一、指导思想, （一）, 第一阶段), a role label (组长：, 副组长：) or a closing signature found in
the middle of a line starts a line of its own when what precedes it ends a sentence or a phrase
(。；：, a space). In a short line only a heading the vocabulary recognises is split off; in a long
line (a paste) every outline number is. The pieces keep the line number of the line they came from,
and no character is dropped except the spaces at the cuts. Pure.
"""

from __future__ import annotations

import re

from ..vocabulary import leading_part_name, recognise_heading
from .cleaning import Line
from .hanzi import key

_CN = "一二三四五六七八九十"
_LONG = 120
_BEFORE = r"(?:(?<=[。；;！!？?：:])|(?<=\s)|(?<=^))"
_HEADING = re.compile(rf"{_BEFORE}\s*(?P<mark>[{_CN}]{{1,3}}、|第[{_CN}]{{1,3}}(?:部分|阶段)[：:]?)(?P<head>[^，,。；;：:\s]{{1,14}})")
_ITEM = re.compile(rf"{_BEFORE}\s*(?P<mark>[（(][{_CN}\d]{{1,3}}[)）]|\d{{1,2}}[、．](?:(?!\d)|(?=\d{{4}}年|\d{{1,2}}月))"
                   rf"|(?<=[。；;！!？?\s])\d{{1,2}}\.(?!\d{{1,2}}(?![\d月]))(?=[^\s\d])|[①-⑳])")  # 2.花果管理 after 。 or a space; 2．2024年…
_ROLE = re.compile(r"(?<=\s)(?P<mark>(?:常务副组长|副组长|组长|成员|顾问|秘书长)[:：]|(?:常务副组长|副\s?组\s?长|组\s?长|成\s?员)(?=\s))"
                   r"|(?<=[。；;])(?P<mark2>(?:常务副组长|副组长|组长|成员)[:：])")
_DAY = r"(?:\d{4}\s*年\s*)?\d{1,2}\s*月(?:\s*\d{1,2}\s*日|\s*[上中下]旬|份)?"
_DATED_ITEM = re.compile(rf"(?<=[。；;])\s*(?P<mark>{_DAY}(?:\s*[—\-－~～至到]\s*{_DAY})?(?:底前|前|以前|底)?[：:])")  # 。4月—6月：…
_ITEM_MARK = re.compile(rf"[（(][{_CN}\d]{{1,3}}[)）]")
_BRACKETED = re.compile(rf"{_BEFORE}【[^】]{{4,60}}(?:方案|计划)[^】]{{0,8}}】")
_TITLE_HEAD = re.compile(r"^(?P<tags>(?:[【\[][^】\]]{1,40}[】\]]\s*)*)(?P<title>[^，,。；;：:\s]{4,50}(?:方案|计划|意见|办法|细则))"
                         r"(?:\s+(?=\S)|(?=为了?|根据|按照|依据|近年来))")  # …工作方案为深入贯彻…: the opening glued on
_CN_DATE = r"[〇○零一二三四五六七八九]{4}\s*年\s*[一二三四五六七八九十]{1,2}\s*月(?:\s*[一二三四五六七八九十]{1,3}\s*日)?"
_SIGNED = (rf"(?:\s|(?<=[。；;！!]))(?P<org>[^，,。；;：:\s]{{2,30}})\s*"
           rf"(?P<date>(?:\d{{4}}|20[xX]{{2}})\s*年\s*\d{{1,2}}\s*月(?:\s*\d{{1,2}}\s*日)?|{_CN_DATE})")
_SIGNATURE = re.compile(_SIGNED + r"(?=\s*(?:$|【))")  # at the end, or before the next plan's 【…方案】
_SIGNATURE_BEFORE = re.compile(_SIGNED + r"\s+")  # before the plan's own title: the notice's signature


def unflatten(lines: list[Line]) -> list[Line]:
    """Every line, with the headings, role labels and signature run into it split off."""
    out: list[Line] = []
    for line in lines:
        out.extend(Line(line.no, piece) for piece in split_line(line.text))
    return out


def split_line(text: str) -> list[str]:
    k = key(text)
    if len(k) != len(text):
        return [text]  # cuts are found on the key: only where it aligns with the text
    cuts = {c for c in _cuts(k, len(text) > _LONG) | _sequence(k) | _shi(k) if text[:c].strip(" #")}  # not after #s
    pieces, start = [], 0
    for cut in sorted(cuts):
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return [p.strip() for p in pieces if p.strip()]


_FIRST_ITEM = re.compile(r"^\s*(?P<open>[（(]?)1(?P<close>[)）]|[．、]|\.(?!\d))")


_SHI = "一二三四五六七八九十"


def _shi(k: str) -> set[int]:
    """'…：一是…；二是…；三是…', '…：第一步，…；第二步，…' (or 第一阶段…) and '…：首先，…；其次，…；最后，…': an
    enumeration after ：, ；or 。 starts lines of its own (the longest one found)."""
    found = [_enumerated(k, marks) for marks in _ENUMERATIONS]
    best = max(found, key=len)
    return best if len(best) >= 2 else set()


def _enumerated(k: str, marks: tuple[str, ...]) -> set[int]:
    first = re.search(rf"(?:[：:]\s*|(?<=\s)|^)(?={marks[0]})", k)  # after a colon, or a heading and a space
    if not first:
        return set()
    cuts, pos = {first.end()}, first.end()
    for mark in marks[1:]:
        m = re.compile(rf"[；;。]\s*(?={mark})").search(k, pos)
        if not m:
            break
        cuts.add(m.end())
        pos = m.end()
    return cuts


_ENUMERATIONS = (tuple(f"{n}是" for n in _SHI), tuple(f"第{n}步(?!骤)" for n in _SHI), tuple(f"第{n}阶段" for n in _SHI),
                 ("首先", "其次", "再次", "最后"), ("首先", "其次", "最后"), ("首先", "然后", "最后"))


def _sequence(k: str) -> set[int]:
    """'1．3月10日前，完成…；2．4月至11月，…；3．…': items numbered in order after a ； or 。 in a line that
    opens with item 1 start lines of their own."""
    first = _FIRST_ITEM.match(k)
    if not first:
        return set()
    cuts: set[int] = set()
    n, pos = 2, first.end()
    while m := re.compile(rf"[；;。]\s*(?={re.escape(first['open'])}{n}{re.escape(first['close'])})").search(k, pos):
        cuts.add(m.end())
        n, pos = n + 1, m.end()
    return cuts


def _title_cuts(k: str) -> set[int]:
    """A pasted title at the start (after tags such as 【发布单位：…】): a line of its own."""
    title = _TITLE_HEAD.match(k)
    return {c for c in (title.end("tags"), title.end("title")) if c} if title else set()


def _named_heading(head: str) -> bool:
    """The vocabulary names the heading, or the words before its first item (四、活动步骤（一）结对阶段…)."""
    item = _ITEM_MARK.search(head)
    return recognise_heading(head[:item.start()] if item and item.start() else head) is not None


def _heading_end(k: str, m: re.Match[str]) -> set[int]:
    """Where a recognised heading ends: at a space after it, or at its first item run into it
    (四、实施步骤（一）摸底…)."""
    if k[m.end("head"):m.end("head") + 1].isspace():
        return {m.end("head")}
    item = _ITEM_MARK.search(m["head"])
    if item and item.start() and recognise_heading(m["head"][:item.start()]):
        return {m.start("head") + item.start()}
    return set()


def _cuts(k: str, long: bool) -> set[int]:
    """Where lines begin in the key of a line: before headings; in a long line also items, roles, a signature."""
    cuts: set[int] = set()
    cuts.update(_title_cuts(k) if long or re.search("[。，,]", k) else ())  # a title before the opening sentence
    for m in _HEADING.finditer(k):
        named = _named_heading(m["head"])
        if named or long:
            cuts.add(m.start("mark"))
        if named:
            cuts.update(_heading_end(k, m))
    return cuts | _paste_cuts(k) | _glued_headings(k) if long else cuts


_GLUED = re.compile(rf"(?<![{_CN}])[{_CN}]{{1,3}}、")


def _glued_headings(k: str) -> set[int]:
    """A numbered part's heading run into the words before and after it in a paste (…中心小学校长四、活动安排1．2月…):
    a line of its own, cut before its number and after its part name."""
    cuts: set[int] = set()
    for m in _GLUED.finditer(k):
        name = leading_part_name(k[m.end():])
        if name and k[m.end() + len(name):m.end() + len(name) + 1] not in ("和", "与", "及", "、"):
            cuts.update((m.start(), m.end() + len(name)))
    return cuts


def _paste_cuts(k: str) -> set[int]:
    """Where lines begin in a paste of a whole page: plans' headers, items, roles, signatures, the plan's title."""
    cuts: set[int] = set()
    for m in _BRACKETED.finditer(k):  # 【…方案】 a plan's header in a paste of several plans
        cuts.update((m.start(), m.end()))
    cuts.update(m.start("mark") for m in (*_ITEM.finditer(k), *_DATED_ITEM.finditer(k)))
    cuts.update(m.start("mark") if m["mark"] else m.start("mark2") for m in _ROLE.finditer(k))
    for sig in _SIGNATURE.finditer(k):  # at the end, or before the next plan's 【…方案】
        cuts.update((sig.start("org"), sig.start("date")))
    titles = _named_titles(k)
    starts = {start for start, _ in titles}
    for start, end in titles:
        cuts.update((start, end))
    for sig in _SIGNATURE_BEFORE.finditer(k):  # the notice's signature, before the plan's title
        if sig.end() in starts:
            cuts.update((sig.start("org"), sig.start("date")))
    return cuts


def _named_titles(k: str) -> list[tuple[int, int]]:
    """Where a title the paste names in 《》 (the notice's 现将《…方案》印发给你们) stands bare after a space: the
    plan's own title line."""
    spans = []
    for title in sorted(set(re.findall(r"《([^》]{4,80}(?:方案|计划))》", k))):
        spans += [(m.start(), m.end()) for m in re.finditer(re.escape(title), k) if k[m.start() - 1:m.start()].isspace()]
    return spans
