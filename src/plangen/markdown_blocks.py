"""Markdown plan bodies as blocks: `##` sections, `###` sub-headings, list entries, outline-numbered
lines, paragraphs. Pure; used by the Markdown plan loader (markdown_plan)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

Line = tuple[int, str]  # (1-based line number, text)

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*)$")  # linear: closing #s are stripped in heading
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
LIST = re.compile(r"^(?:[-*+]|\d{1,3}[.)、])[ \t]+")
# Outline numbers that start an item in pasted text without Markdown list syntax: （一） (1) 一、 ① 第一阶段
_OUTLINE = re.compile(
    r"^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]|[①-⑳]"
    r"|第[一二三四五六七八九十\d]{1,3}(?:部分|阶段|步|条|项|点|批)[、.．:：\s]?)"
)


@dataclass(slots=True)
class Section:
    heading: str
    line: int
    lines: list[Line]


def split_sections(lines: list[Line]) -> tuple[list[Line], list[Section]]:
    intro: list[Line] = []
    sections: list[Section] = []
    fenced = False
    for n, raw in lines:
        if _FENCE.match(raw):
            fenced = not fenced
        h = None if fenced else heading(raw)
        if h and h[0] == 2:
            sections.append(Section(h[1], n, []))
        elif sections:
            sections[-1].lines.append((n, raw))
        else:
            intro.append((n, raw))
    return intro, sections


def items(lines: list[Line]) -> list[tuple[Line, list[Line]]] | None:
    """Sub-headings (###), or a top-level list: [(head line, following lines)], else None."""
    if any(is_sub_heading(raw) for _, raw in lines):
        return split_on(lines, is_sub_heading, lambda raw: (heading(raw) or (0, ""))[1])
    first = next(((n, raw) for n, raw in lines if raw.strip()), None)
    if first and LIST.match(first[1]):
        return split_list(lines)
    if first and _OUTLINE.match(first[1]):
        return split_on(lines, lambda raw: bool(_OUTLINE.match(raw)), str.strip)
    return None


def heading(raw: str) -> tuple[int, str] | None:
    """'## 一、指导思想 ##' -> (2, '一、指导思想'); None when the line is not an ATX heading."""
    if not raw.startswith("#"):
        return None  # most lines: no need to run the pattern
    m = _HEADING.match(raw)
    if not m:
        return None
    text = m.group(2).rstrip(" \t")
    unclosed = text.rstrip("#")
    if unclosed != text and (not unclosed or unclosed[-1] in " \t"):
        text = unclosed.rstrip(" \t")
    return len(m.group(1)), text


def is_sub_heading_list(lines: list[Line]) -> bool:
    return any(is_sub_heading(raw) for _, raw in lines)


def is_sub_heading(raw: str) -> bool:
    if not raw.startswith("###"):
        return False
    h = heading(raw)
    return bool(h and h[0] >= 3)


def split_on(lines: list[Line], starts: Any, head_of: Any) -> list[tuple[Line, list[Line]]]:
    out: list[tuple[Line, list[Line]]] = []
    for n, raw in lines:
        if starts(raw):
            out.append(((n, head_of(raw).strip()), []))
        elif out:
            out[-1][1].append((n, raw))
        elif raw.strip():
            out.append(((n, ""), [(n, raw)]))
    return out


def split_list(lines: list[Line]) -> list[tuple[Line, list[Line]]]:
    """List items; a paragraph after a blank line that is not indented ends the list and is an item of its own."""
    out: list[tuple[Line, list[Line]]] = []
    blank = False
    for n, raw in lines:
        if LIST.match(raw):
            out.append(((n, LIST.sub("", raw).strip()), []))
        elif not raw.strip():
            if out:
                out[-1][1].append((n, raw))
        elif blank and not raw[:1].isspace():
            out.append(((n, ""), [(n, raw)]))
        elif out:
            out[-1][1].append((n, raw))
        blank = not raw.strip()
    return out


def paragraphs(lines: list[Line]) -> list[tuple[Line, list[Line]]]:
    """Each paragraph as an item: its first line is the head."""
    out: list[tuple[Line, list[Line]]] = []
    fresh = True
    for n, raw in lines:
        if not raw.strip():
            fresh = True
        elif fresh:
            out.append(((n, raw.strip()), []))
            fresh = False
        else:
            out[-1][1].append((n, raw))
    return out
