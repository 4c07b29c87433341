"""What a step's text says of it in labelled words at its end: `（责任单位：各乡镇；完成时限：2024年3月底前）`.

Official plans list tasks as paragraphs that close with a bracket of labels. The time label's value
dates the step (a deadline with 前 is its end; 上旬, 月底 read to the month; quarters as months) and
the 责任单位 label names its owner. The text stays as written. Pure.
"""

from __future__ import annotations

import re

from ..dates import PART_OF_MONTH, FoundRange, find_season
from ..wording import Wording
from .datespans import find_joined, range_fields
from .hanzi import key

_TRAILING = re.compile(r"[（(](?P<inner>[^（）()]{2,80})[)）]\s*[。；;.]?\s*$")
_TIME = re.compile(r"(?:完成时限|完成时间|办结时限|时间节点|时间安排|实施时间|时限|时间)\s*[:：]\s*(?P<when>[^；;，,。]+)")
_WHO = re.compile(r"(?:牵头单位|责任单位|负责单位|责任部门|责任人)\s*[:：]\s*(?P<who>[^；;]+)")


def trailing_labels(text: str, year: int | None, warnings: list[Wording], line: int) -> dict[str, str]:
    """start / end from the time label and owner from the 责任单位 label of the labels closing `text` (in a
    bracket, or on its last line); else the dates of a closing bracket that holds only dates (（2024年3月15日前）)
    or of a sentence about the phase (本阶段于2024年3月15日前结束); {} without any."""
    inner = _closing(text.strip())
    out: dict[str, str] = {}
    who = _WHO.search(inner)
    if who:
        out["owner"] = who["who"].strip()
    when = _TIME.search(key(inner))
    if when:
        out.update(_when(when["when"], year, warnings, line))
    elif _TRAILING.search(text.strip()) and not who:
        out.update(_when(key(inner), year, warnings, line))
    phase = _PHASE_SENTENCE.search(key(text))
    if phase and not ({"start", "end"} & out.keys()):
        out.update(_when(phase["said"], year, warnings, line))
    return out


def _closing(text: str) -> str:
    """The labels closing a task: the inside of its last bracket, or its last line when that is labelled."""
    m = _TRAILING.search(text)
    if m:
        return m["inner"]
    last = text.splitlines()[-1] if text else ""
    sentence = ([s for s in re.split(r"(?<=[。；;])", last) if s.strip()] or [""])[-1]  # …。时间安排：3月1日至15日。
    return next((t for t in (last, sentence) if _LABEL_LINE.match(key(t))), "")


_LABEL_LINE = re.compile(r"^\s*(?:完成时限|完成时间|办结时限|时间节点|时间安排|实施时间|时间|时限|牵头单位|责任单位|负责单位|责任部门|责任人)"
                         r"\s*[:：]")
_PHASE_SENTENCE = re.compile(r"(?:^|[。；;\n])\s*(?:本|该|此)(?:阶段|步|环节|项工作)(?P<said>[^。；;\n]{0,40})")


def _when(written: str, year: int | None, warnings: list[Wording], line: int) -> dict[str, str]:
    """The dates of a time label's value: 2024年3月底前 -> end 2024-03; 2024年4月至12月 -> both."""
    k = PART_OF_MONTH.sub(lambda m: " " * len(m.group(0)), written)
    found: FoundRange | None = find_joined(k, year) or find_season(k, year)
    if found is None:
        return {}
    fields = range_fields(found, warnings, line)
    if found.end is None and "start" in fields and re.match(r"\s*(?:以前|之前|前)", k[found.span[1]:]):
        return {"end": fields["start"]}
    return fields
