"""Steps from a part of a plan: its items (outline nodes), its paragraphs, and the forms that put several
steps into one paragraph (一是…；二是…, a sentence of dated clauses, a line of dates above the text).

Each step is read by steps.step_from; the year of dates written without one is carried in `Years`.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

from ..dates import SEASON, WHOLE_YEAR, find_range
from ..wording import Wording
from .cleaning import Line
from .datespans import Years
from .hanzi import key
from .outline import Node
from .steps import is_phase_label, readable_dates, step_from


def steps_from_nodes(nodes: list[Node], years: Years, warnings: list[Wording]) -> list[dict[str, Any]]:
    out = []
    for node in nodes:
        below = [ln.text for ln in node.all_lines() if ln is not node.line]
        if node.title and is_phase_label(node.title) and node.body:
            out.append(step_from(f"{node.title}：{node.body[0]}", node.body[1:] + below, node.line.no, years, warnings))
        elif node.title:
            out.append(step_from(node.title, node.body + below, node.line.no, years, warnings))
        else:
            out.append(step_from(" ".join(node.body), below, node.line.no, years, warnings))
        for ln in below:
            years.see(ln)
    return out


_SHI = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,2}是(?=[^，,。；;：:\s])|(?:首先|其次|再次|然后|最后)\s*[，,、]?)")
_FIRST_PHASE = re.compile(r"[。；;]\s*(?=第\s*[一1]\s*(?:阶段|步)(?!骤))")


def first_phase(text: str) -> tuple[str, str]:
    """'活动分三个阶段进行。第一阶段为…' -> ('活动分三个阶段进行。', '第一阶段为…'); (text, '') without it."""
    m = _FIRST_PHASE.search(key(text))
    return (text[:m.start() + 1], text[m.end():]) if m else (text, "")


def steps_from_paragraphs(lines: list[Line], years: Years, warnings: list[Wording]) -> list[dict[str, Any]]:
    """Paragraphs starting with a date begin steps; the others continue the step before them."""
    out: list[dict[str, Any]] = []
    for ln in _dates_over_text(_dated_clauses(lines, years.current), years.current):
        shi = _SHI.match(key(ln.text))  # 一是摸底阶段（…），…: an enumeration of the phases
        text = ln.text[shi.end():] if shi and find_range(key(ln.text), years.current) else ln.text
        if _starts_step(key(text), years.current) or text != ln.text or not out:
            out.append(step_from(text, [], ln.no, years, warnings))
        else:
            out[-1]["body"] = "\n\n".join(x for x in (out[-1].get("body", ""), ln.text) if x)
    return out


_NAMED = re.compile(r"^\s*[^，,。；;：:\s]{2,12}[：:]\s*")  # 选派阶段：2024年3月上中旬，…


def _starts_step(k: str, year: int | None) -> bool:
    """A paragraph that opens with a date (10—11月, 三月份, a quarter, 2024年：), also after a short name and a colon."""
    named = _NAMED.match(k)
    return any(_near_start(t, year) or bool(SEASON.match(t.lstrip()) or WHOLE_YEAR.match(t))
               for t in (k, k[named.end():] if named else k))


def _near_start(k: str, year: int | None) -> bool:
    found = find_range(readable_dates(k[:20]), year)
    return found is not None and found.span[0] <= 2


def _dated_clauses(lines: list[Line], year: int | None) -> list[Line]:
    """'各村3月15日前完成摸底，3月16日至6月30日集中整治，9月底前完成验收。': a sentence whose clauses open with dates
    (two or more) is one step per dated clause; the text before the first such clause stays with the first."""
    out: list[Line] = []
    for ln in lines:
        k = key(ln.text)
        cuts = [m.end() for m in re.finditer(r"[，,；;]\s*", k) if opens_with_date(k[m.end():], year)]
        if len(cuts) < 2 or len(k) != len(ln.text):
            out.append(ln)
            continue
        bounds = [0] + cuts + [len(ln.text)]
        out.extend(Line(ln.no, ln.text[a:b].strip()) for a, b in itertools.pairwise(bounds) if ln.text[a:b].strip())
    return out


def opens_with_date(k: str, year: int | None) -> bool:
    """The text (a key) opens with a date or a range: 3月16日至6月30日…, 三月份：…"""
    found = find_range(readable_dates(k[:16]), year)
    return found is not None and found.span[0] == 0


def _dates_over_text(lines: list[Line], year: int | None) -> list[Line]:
    """A line that is only dates (2024年3月1日—3月15日) above a line of text that opens with none: one line, the
    dates before the text (the step is named by the text)."""
    out: list[Line] = []
    for ln in lines:
        prev = out[-1] if out else None
        if prev is not None and _only_dates(prev.text, year) and not _only_dates(ln.text, year) and \
                not find_range(key(ln.text)[:12], year):
            out[-1] = Line(prev.no, f"{prev.text.strip()} {ln.text.strip()}")
        else:
            out.append(ln)
    return out


def _only_dates(text: str, year: int | None) -> bool:
    k = key(text).strip()
    found = find_range(k, year)
    return found is not None and not (k[:found.span[0]] + k[found.span[1]:]).strip(" （）()上中下旬初底末份前止：:。")
