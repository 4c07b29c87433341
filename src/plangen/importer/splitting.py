"""Split a text holding several plans (篇一 … 篇十五, 第一篇 …) into one text per plan."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cleaning import Line
from .hanzi import key

_N = "一二三四五六七八九十百零〇两\\d"
DEFAULT_SPLIT = rf"^.{{0,40}}篇[{_N}]+\s*[。.:：]?\s*$|^\s*第[{_N}]+篇(?:\s|[：:、.]|$)"


@dataclass(frozen=True, slots=True)
class Part:
    """One plan's lines; `header` is the line that started it ('' when the text was not split)."""

    header: str
    header_line: int
    lines: list[Line]


def compile_split(pattern: str | None) -> re.Pattern[str]:
    """The header pattern; raises re.error for a bad user pattern."""
    return re.compile(pattern if pattern else DEFAULT_SPLIT)


def split(lines: list[Line], header: re.Pattern[str]) -> tuple[list[Part], list[Line]]:
    """Plans in order, and the lines before the first header (not part of any plan)."""
    parts: list[Part] = []
    before: list[Line] = []
    for line in lines:
        if header.search(line.text) or header.search(key(line.text)):
            parts.append(Part(line.text.strip().lstrip("#").strip(), line.no, []))
        elif parts:
            parts[-1].lines.append(line)
        else:
            before.append(line)
    if not parts:
        return [Part("", 0, before)], []
    return [p for p in parts if any(x.text.strip() for x in p.lines)], before
